package tractor.bundles.paxexam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;

/**
 * The Pax Exam configuration of the tests: every bundle installed by reference to a file Maven gave us,
 * so that Pax Exam resolves nothing itself.
 *
 * <ul>
 * <li>tractor's bundles (the reactor's jars, or the bnd-processed {@code target/classes} of this module),
 *     msgpack, slf4j, Aries SPI Fly and ASM: the entries of the test class path whose manifest names a
 *     {@link #WANTED} symbolic name;</li>
 * <li>Pax Exam's own bundles (its extender, injection, JUnit invoker, ops4j-base, swissbox, the JUnit and
 *     hamcrest bundles): copied by maven-dependency-plugin into the directory named by the system property
 *     {@value #EXAM_BUNDLES}; {@code exam.properties} turns off Pax Exam's own provisioning of them.</li>
 * </ul>
 *
 * <p>Start levels: SPI Fly, ASM and slf4j at 1, so that every ServiceLoader call of a later bundle
 * (slf4j's provider lookup included) is woven; Pax Exam's bundles at 2; the rest at 3.
 * {@code felix.bootdelegation.implicit=false}: the same jars are on the class path of the JVM that hosts
 * the framework, and implicit boot delegation would load some of their classes from there.
 * {@code felix.resolver.parallelism=1}: the resolver's pool threads would outlive the framework.
 */
final class TractorBundles {
    /** The system property naming the directory of Pax Exam's own bundles. */
    static final String EXAM_BUNDLES = "tractor.paxexam.bundles";

    /** The symbolic names installed from the test class path: tractor's, their dependencies and the mediator. */
    static final Pattern WANTED = Pattern.compile(
            "tractor\\.(sc|api|spi\\b|spawn\\..*|transport\\..*|runtime|bundles)|org\\.msgpack.*|slf4j\\.(api|simple)"
                    + "|org\\.apache\\.aries\\.spifly\\..*|org\\.objectweb\\.asm.*");

    /** The bundles started first. */
    static final Pattern FIRST = Pattern.compile("org\\.apache\\.aries\\.spifly\\..*|org\\.objectweb\\.asm.*|slf4j\\..*");

    private TractorBundles() {}

    static Option[] options() throws IOException {
        List<Option> out = new ArrayList<>();
        out.add(frameworkProperty("felix.bootdelegation.implicit").value("false"));
        out.add(frameworkProperty("felix.resolver.parallelism").value("1"));
        out.add(frameworkStartLevel(Constants.START_LEVEL_TEST_BUNDLE));
        List<Path> ours = fromClassPath();
        for (Path p : ours) if (FIRST.matcher(symbolicName(p)).matches()) out.add(bundle(reference(p)).startLevel(1));
        for (Path p : examBundles()) out.add(bundle(reference(p)).startLevel(Constants.START_LEVEL_SYSTEM_BUNDLES));
        for (Path p : ours) if (!FIRST.matcher(symbolicName(p)).matches()) out.add(bundle(reference(p)));
        return out.toArray(Option[]::new);
    }

    static String reference(Path p) {
        return "reference:" + p.toUri();
    }

    static List<Path> examBundles() throws IOException {
        String dir = System.getProperty(EXAM_BUNDLES);
        if (dir == null) throw new IllegalStateException("system property " + EXAM_BUNDLES + " is not set (the build sets it)");
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            List<Path> jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) throw new IllegalStateException("no Pax Exam bundles in " + dir + " (mvn generate-test-resources copies them)");
            return jars;
        }
    }

    /** The jars (or bnd-processed class directories) of the test class path whose symbolic name is wanted. */
    static List<Path> fromClassPath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            Path p = Path.of(e);
            String bsn = symbolicName(p);
            if (bsn != null && WANTED.matcher(bsn).matches()) out.add(p);
        }
        return out;
    }

    /** The {@code Bundle-SymbolicName} of a jar or class directory, without attributes; {@code null} if none. */
    static String symbolicName(Path p) throws IOException {
        Manifest m = null;
        if (Files.isDirectory(p)) {
            Path mf = p.resolve("META-INF/MANIFEST.MF");
            if (Files.exists(mf)) {
                try (InputStream in = Files.newInputStream(mf)) {
                    m = new Manifest(in);
                }
            }
        } else if (Files.isRegularFile(p)) {
            try (JarFile j = new JarFile(p.toFile())) {
                m = j.getManifest();
            }
        }
        String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
        return bsn == null ? null : bsn.split(";")[0].trim();
    }
}
