/**
 * The {@code ssh} spawn backend: every child actor is a JVM on another host, started by the system
 * OpenSSH client ({@code ssh} on {@code PATH}, with the user's keys, agent and {@code ~/.ssh/config}).
 *
 * <h2>Backend options</h2>
 * <table class="striped">
 * <caption>Options ({@code ActorOptions.backendOption(name, value)})</caption>
 * <tr><th>name</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@code host}</td><td>{@code [user@]host} or a {@code ~/.ssh/config} alias ({@code ActorOptions.host})</td><td>required</td></tr>
 * <tr><td>{@code port}</td><td>the sshd port</td><td>ssh's</td></tr>
 * <tr><td>{@code identity}</td><td>a private key file; only it is offered ({@code IdentitiesOnly})</td><td>ssh's</td></tr>
 * <tr><td>{@code knownHosts}</td><td>a known-hosts file, checked strictly</td><td>ssh's</td></tr>
 * <tr><td>{@code connectTimeout}</td><td>seconds to reach the host</td><td>10</td></tr>
 * <tr><td>{@code javaHome}</td><td>the remote JDK (25 or later)</td><td>found: {@code $JDK25_HOME}, {@code $JAVA_HOME},
 *     {@code /usr/lib/jvm/*}, {@code java} on {@code PATH}</td></tr>
 * <tr><td>{@code classPath}</td><td>the remote class path</td><td>this JVM's module path and class path, the same paths</td></tr>
 * <tr><td>{@code shipJars}</td><td>{@code true}: copy this JVM's class path to the remote cache first</td><td>{@code false}</td></tr>
 * <tr><td>{@code jarCache}</td><td>the remote cache directory ({@code ~/} expands remotely)</td><td>{@code ~/.cache/tractor/jars}</td></tr>
 * </table>
 *
 * <h2>Launching</h2>
 * The first spawn to a host runs one preparation session: it fails with a {@code SpawnException} naming
 * the host and the step ({@code connect}, {@code authenticate}, {@code find JDK}, {@code ship jars})
 * and quoting ssh's standard error. With {@code shipJars}, every class-path entry (a directory packed
 * into a jar reproducibly) is named by its SHA-256 and only the jars the remote cache lacks are copied,
 * one session each. Then each child runs in a session of its own: {@code sh -c} reads the request's
 * environment from standard input ({@code NAME=value} lines up to an empty line, so values such as
 * {@code TRACTOR_SECRET} never appear on a command line), reports its pid and {@code exec}s
 * {@code java -cp <class path> <main> <args>} (always class-path mode). The parent's address travels in
 * the arguments: the parent must listen on an address the remote host can reach.
 *
 * <h2>Output, parent death, stopping</h2>
 * The child's lines arrive prefixed with {@code [name@host] }. The session's standard input stays open
 * and unwritten after the environment: the child runtime ends itself on end of input, so a parent that
 * dies (even by SIGKILL) or an ssh client that dies takes its remote children with it.
 * {@code softStop()} closes that input (a graceful end); {@code hardStop()} kills the ssh client and
 * then, over a second session, the remote pid (only while that pid's command line names the child's
 * uuid).
 */
package tractor.spawn.ssh;
