package org.openill.infrastructure.iso18626;

import org.openill.infrastructure.iso18626.ReadResult.Accepted;
import org.openill.infrastructure.iso18626.ReadResult.Rejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The sample messages under {@code /iso18626-samples/} and the assertions the codec tests share on what was read. */
final class Samples {

    private Samples() {
    }

    static Accepted accepted(ReadResult result) {
        return assertInstanceOf(Accepted.class, result, result::toString);
    }

    static Rejected rejected(ReadResult result) {
        return assertInstanceOf(Rejected.class, result, result::toString);
    }

    static String sample(String name) {
        return new String(sampleBytes(name), StandardCharsets.UTF_8);
    }

    static byte[] sampleBytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/iso18626-samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
