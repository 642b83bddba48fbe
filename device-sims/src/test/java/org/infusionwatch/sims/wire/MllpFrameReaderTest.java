package org.infusionwatch.sims.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class MllpFrameReaderTest {

    @Test
    void shouldReadAFrameArrivingByteByByte() throws IOException {
        byte[] framed = MllpFrames.frame("MSH|^~\\&|Ä\rMSA|AA|1\r");

        MllpFrameReader reader = new MllpFrameReader(new OneByteAtATime(framed), 1024);

        assertThat(reader.readFrame()).isEqualTo("MSH|^~\\&|Ä\rMSA|AA|1\r");
    }

    @Test
    void shouldReadWhatWasWrittenStraightToAStreamAsItReadsAFramedCopy() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        MllpFrames.write(out, "MSH|^~\\&|Ä\r");
        MllpFrames.write(out, "TWO");

        assertThat(out.toByteArray()).startsWith(MllpFrames.frame("MSH|^~\\&|Ä\r")).endsWith(MllpFrames.frame("TWO"));
        MllpFrameReader reader = new MllpFrameReader(new ByteArrayInputStream(out.toByteArray()), 1024);
        assertThat(reader.readFrame()).isEqualTo("MSH|^~\\&|Ä\r");
        assertThat(reader.readFrame()).isEqualTo("TWO");
    }

    @Test
    void shouldSkipBytesBeforeTheStartBlockAndReadFramesInTurn() throws IOException {
        byte[] first = MllpFrames.frame("ONE");
        byte[] second = MllpFrames.frame("TWO");
        byte[] stream = new byte[2 + first.length + second.length];
        stream[0] = 'x';
        stream[1] = '\n';
        System.arraycopy(first, 0, stream, 2, first.length);
        System.arraycopy(second, 0, stream, 2 + first.length, second.length);

        MllpFrameReader reader = new MllpFrameReader(new ByteArrayInputStream(stream), 1024);

        assertThat(reader.readFrame()).isEqualTo("ONE");
        assertThat(reader.readFrame()).isEqualTo("TWO");
    }

    @Test
    void shouldRefuseAnOversizeFrame() {
        MllpFrameReader reader = new MllpFrameReader(new ByteArrayInputStream(MllpFrames.frame("0123456789")), 8);

        assertThatThrownBy(reader::readFrame).isInstanceOf(IOException.class).hasMessageContaining("expected: <= 8");
    }

    @Test
    void shouldReportAConnectionClosedInsideAFrame() {
        byte[] truncated = {MllpFrames.START_BLOCK, 'M', 'S'};
        MllpFrameReader reader = new MllpFrameReader(new ByteArrayInputStream(truncated), 8);

        assertThatThrownBy(reader::readFrame).isInstanceOf(EOFException.class).hasMessageContaining("after 2 bytes");
    }

    @Test
    void shouldRefuseAnEndBlockNotFollowedByCarriageReturn() {
        byte[] bad = {MllpFrames.START_BLOCK, 'A', MllpFrames.END_BLOCK, 'B'};
        MllpFrameReader reader = new MllpFrameReader(new ByteArrayInputStream(bad), 8);

        assertThatThrownBy(reader::readFrame).isInstanceOf(IOException.class).hasMessageContaining("0x42");
    }

    /** Hands out one byte per read, as a slow network might. */
    private static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream in;

        OneByteAtATime(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : in.read(b, off, 1);
        }
    }
}
