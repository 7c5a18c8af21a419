package tractor.spawn.tck;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The child program of the spawn TCK, in both forms: {@link #main} for a child JVM (failures become
 * exit statuses) and {@link #run} for an in-JVM child (failures are thrown). The first argument picks
 * the scenario:
 * <ul>
 * <li>{@code print <text>}: prints the text on standard output and ends;
 * <li>{@code fail <status> <line>...}: prints the lines on standard error, then exits with the status
 *     (JVM) or throws {@link Failure} with the last line (in-JVM);
 * <li>{@code block}: prints {@code blocking}, then waits until interrupted (in-JVM) or killed (JVM);
 * <li>{@code flood <bytes>}: prints that many bytes without a newline on standard output, then ends;
 * <li>{@code env <name>}: prints {@code <name>=<value>} of an environment variable.
 * </ul>
 */
public final class TckChild {
    private TckChild() {}

    /** The failure an in-JVM child throws for {@code fail}. */
    public static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The child JVM's entry point. */
    public static void main(String[] args) throws InterruptedException {
        try {
            run(Arrays.asList(args));
        } catch (Failure f) {
            System.exit(f.status);
        }
    }

    /** The in-JVM entry point. */
    public static void run(List<String> args) {
        switch (args.getFirst()) {
            case "print" -> System.out.println(args.get(1));
            case "fail" -> fail(args);
            case "block" -> block();
            case "flood" -> flood(Integer.parseInt(args.get(1)));
            case "env" -> System.out.println(args.get(1) + "=" + System.getenv(args.get(1)));
            default -> throw new IllegalArgumentException("unknown scenario " + args);
        }
    }

    private static void fail(List<String> args) {
        List<String> lines = args.subList(2, args.size());
        lines.forEach(System.err::println);
        System.err.flush();
        throw new Failure(Integer.parseInt(args.get(1)), lines.getLast());
    }

    private static void block() {
        System.out.println("blocking");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while blocking", e);
        }
    }

    private static void flood(int bytes) {
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'x');
        for (int left = bytes; left > 0; left -= chunk.length) System.out.write(chunk, 0, Math.min(left, chunk.length));
        System.out.flush();
    }
}
