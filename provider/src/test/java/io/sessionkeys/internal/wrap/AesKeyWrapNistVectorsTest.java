package io.sessionkeys.internal.wrap;

import io.sessionkeys.internal.engine.testing.ReferenceAesEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionkeys.KeyPolicy;
import io.sessionkeys.internal.engine.BlockCipherEngine;
import io.sessionkeys.internal.engine.aes.AesBlockEngine;
import io.sessionkeys.internal.key.ManagedSessionKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every NIST CAVP KWVS record (SP 800-38F KW-AE/AD and KWP-AE/AD, KEK 128/192/256) through the
 * wrapping engine path, on the provider's AES engine and on a Bouncy Castle reference engine.
 * Failing records are collected and asserted once, so one run shows every failure.
 */
class AesKeyWrapNistVectorsTest {

    static Stream<Arguments> files() {
        List<Arguments> all = new ArrayList<>();
        for (BlockCipherEngine engine : new BlockCipherEngine[] {AesBlockEngine.INSTANCE, ReferenceAesEngine.INSTANCE}) {
            for (String bits : new String[] {"128", "192", "256"}) {
                all.add(Arguments.of(engine.getClass().getSimpleName(), engine, AesWrapVariant.KW, "nist/aes-kw/kwEncrypt" + bits + ".rsp"));
                all.add(Arguments.of(engine.getClass().getSimpleName(), engine, AesWrapVariant.KW, "nist/aes-kw/kwDecrypt" + bits + ".rsp"));
                all.add(Arguments.of(engine.getClass().getSimpleName(), engine, AesWrapVariant.KWP, "nist/aes-kwp/kwpEncrypt" + bits + ".rsp"));
                all.add(Arguments.of(engine.getClass().getSimpleName(), engine, AesWrapVariant.KWP, "nist/aes-kwp/kwpDecrypt" + bits + ".rsp"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("files")
    void nistRecords_wrapAndUnwrap_matchTheFile(String engineName, BlockCipherEngine engine, AesWrapVariant variant,
            String file) throws Exception {
        List<NistKeyWrapFile.Record> records = NistKeyWrapFile.read(file);
        assertEquals(500, records.size(), "records in " + file);
        AesWrapOperation operation = new AesWrapOperation(engine, variant,
                variant == AesWrapVariant.KWP ? AesKeyWrap.KWP_ICV : AesKeyWrap.KW_DEFAULT_ICV);
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (NistKeyWrapFile.Record r : records) {
            ManagedSessionKey key = Keks.sessionKey(r.kek(), KeyPolicy.builtInDefaults());
            try {
                KeyEncryptionKey kek = Keks.kek(key);
                if (r.data() != null) {
                    byte[] buf = operation.wrap(kek, r.data());
                    if (!Arrays.equals(r.wrapped(), buf)) {
                        failures.add(r.id() + " wrap gave " + HexFormat.of().formatHex(buf));
                    }
                }
                byte[] buf = r.wrapped().clone();
                int length = operation.checkWrappedLength(buf.length) == null ? operation.unwrap(kek, buf, buf.length) : -1;
                if (r.data() == null) {
                    rejected++;
                    if (length >= 0) {
                        failures.add(r.id() + " FAIL record was accepted");
                    }
                } else if (length < 0 || !Arrays.equals(r.data(), Arrays.copyOfRange(buf, 8, 8 + length))) {
                    failures.add(r.id() + " unwrap did not give P");
                }
            } finally {
                key.destroy();
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures: " + failures);
        assertEquals(file.contains("Decrypt") ? 100 : 0, rejected, "FAIL records in " + file);
    }
}
