package org.infusionwatch.gateway.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.infusionwatch.agent.model.DeviceReport;
import org.infusionwatch.gateway.hl7.Hl7Decoded;
import org.infusionwatch.gateway.hl7.fast.FastPcdDecoder;
import org.infusionwatch.sims.model.ClinicianEntry;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.scenario.BedOutput;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.Hl7DeviceSink;

/**
 * The benchmarks' bed output: puts each simulated device sample on the wire as HL7 and reads it
 * back with the gateway's fast decoder, collecting the reports in arrival order.
 */
record Hl7Decoding(String unit, String bed, FastPcdDecoder decoder, List<DeviceReport> into) implements BedOutput {
    @Override
    public void onStep(long simTimeMs, String description) {
    }

    @Override
    public void onSample(DeviceSample sample) {
        DeviceAddress address = DeviceAddress.of(unit, bed, 1, sample.kind());
        Hl7Decoded decoded = decoder.decode(Hl7DeviceSink.write(address, sample).getBytes(StandardCharsets.UTF_8));
        if (!decoded.accepted()) {
            throw new IllegalStateException("simulator message refused: " + decoded.reason());
        }
        into.add(decoded.report());
    }

    @Override
    public void onEntry(ClinicianEntry entry) {
        throw new IllegalStateException("the benchmarks' scenarios have no clinician entries");
    }
}
