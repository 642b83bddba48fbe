package org.infusionwatch.gateway.hl7.fast;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import org.junit.jupiter.api.Test;

/** The OBX-2 types the scanner knows are primitive exactly where HAPI's v2.6 model says so. */
class ObxValueTypeTest {

    @Test
    void shouldKnowWhichTypesHapiModelsAsPrimitives() throws HL7Exception {
        CanonicalModelClassFactory factory = new CanonicalModelClassFactory("2.6");
        for (ObxScanner.ValueType type : ObxScanner.ValueType.values()) {
            Class<? extends Type> modelled = factory.getTypeClass(type.name(), "2.6");

            assertThat(modelled).as(type.name()).isNotNull();
            assertThat(Primitive.class.isAssignableFrom(modelled)).as(type.name()).isEqualTo(type.primitive);
        }
    }
}
