package io.sessionkeys.conformance;

import io.sessionkeys.conformance.model.Report;
import io.sessionkeys.conformance.output.JsonPrinter;
import io.sessionkeys.conformance.output.TablePrinter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar sessionkeys-conformance.jar}: runs every vector and cross-provider check,
 * prints the table (or JSON), and exits 1 if SessionKeys failed anything.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Report report;
        try {
            report = Conformance.run(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (options.json) {
            new JsonPrinter(out).print(report);
        } else {
            new TablePrinter(out, options.details).print(report);
        }
        out.flush();
        System.exit(report.sessionKeysFailed() ? 1 : 0);
    }
}
