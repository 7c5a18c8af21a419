package tractor.spawn.ssh;

import java.time.Duration;
import java.util.List;

/**
 * The first session to a host: it proves the host can be reached and the key is accepted, finds a JDK
 * 25 or later there and, when jars are shipped, lists those its cache lacks. The JDK is the option
 * {@code javaHome} when given; else, as the build finds it, the first of {@code $JDK25_HOME},
 * {@code $JAVA_HOME}, {@code /usr/lib/jvm/*} and the {@code java} on the remote {@code PATH} whose
 * {@code java.specification.version} is 25 or more.
 */
final class RemoteJdk {
    private RemoteJdk() {}

    /** The least feature release a child JVM needs. */
    static final int MIN_VERSION = 25;
    /** The script's status when no JDK fits, and when the jar cache cannot be made. */
    static final int NO_JDK = 3, NO_CACHE = 4;

    /** What the first session found: the remote {@code java}, the cache directory and the missing hashes. */
    record Found(String java, String cacheDir, List<String> missing) {}

    static Found probe(SshTarget target, String javaHome, String cacheDir, List<String> hashes, Duration bound) {
        SshRun.Output o = SshRun.run(target, Shell.sh(script(javaHome, cacheDir, hashes)), null, bound, "find JDK");
        if (o.status() != 0) {
            String step = switch (o.status()) {
                case 255 -> SshRun.sshStep(o.stderr());
                case NO_CACHE -> "ship jars";
                default -> "find JDK";
            };
            throw SshRun.failure(target, step, "exit status " + o.status(), o.stderr());
        }
        String java = null, cache = null;
        List<String> missing = new java.util.ArrayList<>();
        for (String line : o.stdout().split("\n")) {
            if (line.startsWith("java=")) java = line.substring(5);
            else if (line.startsWith("cache=")) cache = line.substring(6);
            else if (line.startsWith("missing=")) missing.add(line.substring(8));
        }
        if (java == null) throw SshRun.failure(target, "find JDK", "the probe printed no java path", o.stdout() + o.stderr());
        return new Found(java, cache, missing);
    }

    /** The probe script; {@code cacheDir} null: no jar cache. */
    static String script(String javaHome, String cacheDir, List<String> hashes) {
        StringBuilder s = new StringBuilder();
        s.append("ok() { v=$(\"$1/bin/java\" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\\.specification\\.version = //p'); ")
                .append("[ -n \"$v\" ] && [ \"${v%%.*}\" -ge ").append(MIN_VERSION).append(" ] 2>/dev/null; }\n");
        if (javaHome != null) {
            String jh = Shell.quote(javaHome);
            s.append("[ -x ").append(jh).append("/bin/java ] || { echo \"no java at \"").append(jh).append("\"/bin/java\" >&2; exit ").append(NO_JDK).append("; }\n")
                    .append("ok ").append(jh).append(" || { echo \"the JDK at \"").append(jh).append("\" is version ${v:-unknown}, needs ")
                    .append(MIN_VERSION).append(" or later\" >&2; exit ").append(NO_JDK).append("; }\n")
                    .append("j=").append(jh).append("/bin/java\n");
        } else {
            s.append("j=; for d in \"$JDK25_HOME\" \"$JAVA_HOME\" /usr/lib/jvm/*; do [ -n \"$d\" ] && [ -x \"$d/bin/java\" ] && ok \"$d\" && { j=\"$d/bin/java\"; break; }; done\n")
                    .append("if [ -z \"$j\" ] && p=$(command -v java) && d=$(dirname \"$(dirname \"$(readlink -f \"$p\")\")\") && ok \"$d\"; then j=\"$d/bin/java\"; fi\n")
                    .append("[ -n \"$j\" ] || { echo \"no JDK ").append(MIN_VERSION).append(" or later on $(hostname): tried \\$JDK25_HOME, \\$JAVA_HOME, /usr/lib/jvm/* and java on PATH; set the backend option javaHome\" >&2; exit ")
                    .append(NO_JDK).append("; }\n");
        }
        s.append("echo \"java=$j\"\n");
        if (cacheDir != null) {
            s.append("c=").append(remotePath(cacheDir)).append("\n")
                    .append("mkdir -p \"$c\" && c=$(cd \"$c\" && pwd) || { echo \"cannot create the jar cache $c\" >&2; exit ").append(NO_CACHE).append("; }\n")
                    .append("echo \"cache=$c\"\n");
            if (!hashes.isEmpty()) {
                s.append("for h in ").append(String.join(" ", hashes)).append("; do [ -f \"$c/$h.jar\" ] || echo \"missing=$h\"; done\n");
            }
        }
        return s.toString();
    }

    /** A remote path as shell text: {@code ~/} and {@code $HOME/} prefixes expand on the remote host, the rest is quoted. */
    static String remotePath(String path) {
        if (path.equals("~")) return "\"$HOME\"";
        if (path.startsWith("~/")) return "\"$HOME\"/" + Shell.quote(path.substring(2));
        if (path.startsWith("$HOME/")) return "\"$HOME\"/" + Shell.quote(path.substring(6));
        return Shell.quote(path);
    }
}
