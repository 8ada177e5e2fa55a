package io.sessionkeys.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sessionkeys.conformance.model.Expectation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class WycheproofFileTest {

    @Test
    void load_aesWrap_mapsEveryResult() throws Exception {
        WycheproofFile f = WycheproofFile.load(VectorSource.standard(), "aes_wrap_test.json", "keywrap_test_schema_v1.json");
        assertEquals(165, f.tests().size());
        assertEquals(36, count(f, Expectation.VALID));
        assertEquals(126, count(f, Expectation.INVALID));
        assertEquals(3, count(f, Expectation.ACCEPTABLE));
    }

    @Test
    void load_wrongSchema_throws() {
        assertThrows(IOException.class, () -> WycheproofFile.load(VectorSource.standard(), "aes_gcm_test.json",
                "mac_test_schema_v1.json"));
    }

    @Test
    void expectation_unknownWord_throws() {
        assertThrows(IllegalArgumentException.class, () -> Expectation.fromWycheproof("maybe"));
    }

    private static long count(WycheproofFile f, Expectation e) {
        return f.tests().stream().filter(t -> t.expectation == e).count();
    }
}
