package io.sessionkeys.conformance;

import io.sessionkeys.conformance.subject.KeyRoute;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The command line of the conformance jar. */
final class Options {

    static final String USAGE = String.join("\n",
            "usage: java -jar sessionkeys-conformance.jar [options]",
            "  --algorithms A,B   only these algorithms (JCA names, matched by prefix, e.g. AES/GCM,Hmac)",
            "  --route R          key import route for SessionKeys: factory, unwrap or both (default both)",
            "  --json             print the report as JSON instead of the table",
            "  --details          list every failed and refused case under the table",
            "  --no-peers         run SessionKeys only (no SunJCE or Bouncy Castle baseline)",
            "  --no-cross         skip the differential runs and the interop matrix",
            "  --trials N         random trials per differential pair and interop cell (default 50)",
            "  --vectors DIR      read vectors from DIR instead of those packed in the jar",
            "Exit status: 0 if SessionKeys failed nothing, 1 if it failed something, 2 on a usage error.");

    List<String> algorithms = new ArrayList<>();
    Set<KeyRoute> routes = EnumSet.allOf(KeyRoute.class);
    boolean json;
    boolean details;
    boolean peers = true;
    boolean cross = true;
    int trials = 50;
    String vectors;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--algorithms":
                    for (String n : value(args, ++i, a).split(",")) {
                        if (!n.isBlank()) {
                            o.algorithms.add(n.strip());
                        }
                    }
                    break;
                case "--route":
                    String r = value(args, ++i, a);
                    o.routes = r.equalsIgnoreCase("both") ? EnumSet.allOf(KeyRoute.class) : EnumSet.of(KeyRoute.byLabel(r));
                    break;
                case "--json":
                    o.json = true;
                    break;
                case "--details":
                    o.details = true;
                    break;
                case "--no-peers":
                    o.peers = false;
                    break;
                case "--no-cross":
                    o.cross = false;
                    break;
                case "--trials":
                    o.trials = Integer.parseInt(value(args, ++i, a));
                    if (o.trials < 1) {
                        throw new IllegalArgumentException("--trials must be at least 1");
                    }
                    break;
                case "--vectors":
                    o.vectors = value(args, ++i, a);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
