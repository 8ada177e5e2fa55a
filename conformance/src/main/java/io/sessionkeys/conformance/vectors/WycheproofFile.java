package io.sessionkeys.conformance.vectors;

import io.sessionkeys.conformance.model.Expectation;
import io.sessionkeys.json.Json;
import io.sessionkeys.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Wycheproof vector file: its groups and tests, with a check that the number of tests read
 * equals the file's own {@code numberOfTests}.
 */
public final class WycheproofFile {

    /** Where the Wycheproof files sit inside the vector directory. */
    public static final String DIRECTORY = "wycheproof/testvectors_v1/";

    /** One test with the parameters of its group. */
    public static final class Test {
        public final JsonObject group;
        public final JsonObject test;
        public final int tcId;
        public final Expectation expectation;
        public final String comment;
        public final List<String> flags;

        Test(JsonObject group, JsonObject test) {
            this.group = group;
            this.test = test;
            this.tcId = test.integer("tcId");
            this.expectation = Expectation.fromWycheproof(test.string("result"));
            this.comment = test.stringOr("comment", "");
            this.flags = test.strings("flags");
        }

        /** A short description for the report: tcId, comment and flags. */
        public String describe() {
            return "tcId " + tcId + (comment.isEmpty() ? "" : " (" + comment + ")")
                    + (flags.isEmpty() ? "" : " " + flags);
        }
    }

    private final String name;
    private final String schema;
    private final List<Test> tests;

    private WycheproofFile(String name, String schema, List<Test> tests) {
        this.name = name;
        this.schema = schema;
        this.tests = tests;
    }

    /** Reads {@code fileName} (e.g. {@code aes_gcm_test.json}) and checks it has the expected schema. */
    public static WycheproofFile load(VectorSource source, String fileName, String expectedSchema) throws IOException {
        JsonObject root = new JsonObject(Json.parse(source.read(DIRECTORY + fileName)));
        String schema = root.string("schema");
        if (!schema.equals(expectedSchema)) {
            throw new IOException(fileName + " has schema " + schema + ", this runner reads " + expectedSchema);
        }
        List<Test> tests = new ArrayList<>();
        for (JsonObject group : root.objects("testGroups")) {
            for (JsonObject t : group.objects("tests")) {
                tests.add(new Test(group, t));
            }
        }
        int declared = root.integer("numberOfTests");
        if (declared != tests.size()) {
            throw new IOException(fileName + " declares " + declared + " tests but holds " + tests.size());
        }
        return new WycheproofFile(fileName, schema, tests);
    }

    public String name() {
        return name;
    }

    public String schema() {
        return schema;
    }

    public List<Test> tests() {
        return tests;
    }
}
