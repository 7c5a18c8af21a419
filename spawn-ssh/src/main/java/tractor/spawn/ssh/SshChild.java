package tractor.spawn.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import tractor.spawn.spi.ChildHandle;
import tractor.spawn.spi.LinePump;

/**
 * A child JVM on a remote host, supervised through the ssh session that started it. The session's
 * standard input is the child's parent-death pipe: this JVM writes the environment block once and then
 * holds it open, never writing again; when it is closed ({@link #softStop()}, this JVM's death, the ssh
 * client's death) the remote child reads end of file and ends itself.
 *
 * <p>{@link #hardStop()} kills the ssh client (the remote side sees the session end, and the child
 * its end of input) and, as the last step, kills the remote process by its pid over a second session,
 * when that pid still runs this child (its command line names the child's uuid). {@link #onExit()}
 * completes with the session's status (the remote child's, or 255 when ssh itself failed) once both
 * output streams are drained.
 */
final class SshChild implements ChildHandle {
    static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    /** The line the launch script writes to standard error before it becomes the JVM. */
    static final String PID_MARK = "tractor-ssh-pid ";
    private static final int TAIL_LINES = 50;

    private final String actorName;
    private final String uuid;
    private final SshTarget target;
    private final Process ssh;
    private final OutputStream stdin;
    private final LinePump out;
    private final LinePump err;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final RemoteKills kills;
    private volatile long remotePid = -1;

    SshChild(String actorName, String uuid, SshTarget target, Process ssh, RemoteKills kills) {
        this.actorName = actorName;
        this.uuid = uuid;
        this.target = target;
        this.ssh = ssh;
        this.kills = kills;
        this.stdin = ssh.getOutputStream();
        String host = target.host().substring(target.host().lastIndexOf('@') + 1);
        String prefix = "[" + actorName + "@" + host + "] ";
        String thread = "tractor-ssh " + actorName + "@" + host;
        this.out = new LinePump(ssh.getInputStream(), prefix, () -> System.out, s -> false, 0, thread + " stdout");
        this.err = new LinePump(ssh.getErrorStream(), prefix, () -> System.err, this::pidLine, TAIL_LINES, thread + " stderr");
    }

    /** Starts draining and reaping, then sends the environment block; returns this. */
    SshChild start(String environmentBlock) throws IOException {
        out.start();
        err.start();
        ssh.onExit().whenComplete((p, e) -> Thread.ofVirtual().name("tractor-ssh reap " + actorName).start(this::reap));
        stdin.write(environmentBlock.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        stdin.flush();
        return this;
    }

    private boolean pidLine(String line) {
        if (remotePid >= 0 || !line.startsWith(PID_MARK)) return false;
        try {
            remotePid = Long.parseLong(line.substring(PID_MARK.length()).strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void reap() {
        try {
            out.awaitEnd(DRAIN_GRACE);
            err.awaitEnd(DRAIN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeStdin();
            exit.complete(ssh.exitValue());
        }
    }

    private void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // the session is gone: nothing reads this pipe any more
        }
    }

    /** The remote child's pid, once its launch reported it. */
    @Override
    public OptionalLong pid() {
        long p = remotePid;
        return p < 0 ? OptionalLong.empty() : OptionalLong.of(p);
    }

    @Override
    public String describe() {
        long p = remotePid;
        return "ssh process " + (p < 0 ? "(pid not yet known)" : p) + " on " + target.describe() + " (" + actorName + ")";
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit.copy();
    }

    /** Closes the session's standard input: the remote child reads end of file and ends gracefully. */
    @Override
    public void softStop() {
        closeStdin();
    }

    /** Kills the ssh client, then the remote process by pid over a second session (in the background). */
    @Override
    public void hardStop() {
        boolean ended = exit.isDone();
        ssh.destroyForcibly();
        long p = remotePid;
        if (p >= 0 && !ended) kills.kill(target, p, uuid);
    }

    @Override
    public String stderrTail() {
        return err.tail();
    }

    @Override
    public String toString() {
        return "SshChild[" + describe() + (exit.isDone() ? ", exited " + exit.join() : ", running") + "]";
    }
}
