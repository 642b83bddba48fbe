package org.infusionwatch.sims.load.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.infusionwatch.sims.model.DeviceSample;
import org.infusionwatch.sims.wire.DeviceAddress;
import org.infusionwatch.sims.wire.MllpAck;
import org.infusionwatch.sims.wire.MllpFrameReader;
import org.infusionwatch.sims.wire.MllpFrames;
import org.infusionwatch.sims.wire.Pcd01Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BaselineMllpListenerTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldAnswerEachMessageAndRefuseWhatItCannotReadWithoutClosingTheConnection() throws Exception {
        List<BaselineReport> reports = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        DeviceSample sample = LoadBedMessages.samples("L0001", 2).get(0);
        String good = new Pcd01Writer().write(DeviceAddress.of("LOAD", "L0001", 1, sample.kind()), sample);
        try (BaselineMllpListener listener = BaselineMllpListener.start("127.0.0.1", 0,
                (report, received) -> reports.add(report), refusals::add);
             Socket socket = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = socket.getOutputStream();
            MllpFrameReader answers = new MllpFrameReader(new BufferedInputStream(socket.getInputStream()), 1 << 16);

            MllpFrames.write(out, good);
            MllpAck first = MllpAck.parse(answers.readFrame());
            MllpFrames.write(out, "MSH|^~\\&|DEV||||20261122101500+0000||ORU^R01|BAD-1|P|2.6\rOBX|1\r");
            MllpAck second = MllpAck.parse(answers.readFrame());
            MllpFrames.write(out, good);
            MllpAck third = MllpAck.parse(answers.readFrame());

            assertThat(first).isEqualTo(new MllpAck("AA", sample.messageId(), ""));
            assertThat(second.code()).isEqualTo("AE");
            assertThat(second.controlId()).isEqualTo("BAD-1");
            assertThat(second.text()).contains("PV1-3");
            assertThat(third.code()).isEqualTo("AA");
            assertThat(reports).hasSize(2).allMatch(r -> r.bed().equals("L0001") && r.eventMs() == sample.timeMs());
            assertThat(refusals).singleElement().asString().contains("PV1-3");
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldAnswerFramesThatShareAWriteInOrderAlsoWhenTheDeviceStopsSendingRightAfter() throws Exception {
        List<DeviceSample> samples = LoadBedMessages.samples("L0002", 2).subList(0, 3);
        Pcd01Writer writer = new Pcd01Writer();
        byte[][] frames = new byte[3][];
        for (int i = 0; i < 3; i++) {
            frames[i] = MllpFrames.frame(writer.write(DeviceAddress.of("LOAD", "L0002", 2, samples.get(i).kind()),
                    samples.get(i)));
        }
        List<BaselineReport> reports = new CopyOnWriteArrayList<>();
        try (BaselineMllpListener listener = BaselineMllpListener.start("127.0.0.1", 0,
                (report, received) -> reports.add(report), reason -> { });
             Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            MllpFrameReader answers = new MllpFrameReader(new BufferedInputStream(socket.getInputStream()), 1 << 16);
            byte[] firstTwo = new byte[frames[0].length + frames[1].length];
            System.arraycopy(frames[0], 0, firstTwo, 0, frames[0].length);
            System.arraycopy(frames[1], 0, firstTwo, frames[0].length, frames[1].length);
            out.write(firstTwo);
            out.flush();
            MllpAck a0 = MllpAck.parse(answers.readFrame());
            MllpAck a1 = MllpAck.parse(answers.readFrame());
            out.write(frames[2]);
            out.flush();
            socket.shutdownOutput(); // the device sends no more, but is still owed its answer
            MllpAck a2 = MllpAck.parse(answers.readFrame());
            assertThat(socket.getInputStream().read()).as("then the listener closes the connection").isEqualTo(-1);

            assertThat(List.of(a0.controlId(), a1.controlId(), a2.controlId()))
                    .containsExactly(samples.get(0).messageId(), samples.get(1).messageId(), samples.get(2).messageId());
            assertThat(List.of(a0.code(), a1.code(), a2.code())).containsOnly("AA");
            assertThat(reports).extracting(BaselineReport::controlId)
                    .containsExactly(samples.get(0).messageId(), samples.get(1).messageId(), samples.get(2).messageId());
        }
    }
}
