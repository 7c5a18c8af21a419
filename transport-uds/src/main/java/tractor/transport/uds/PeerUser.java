package tractor.transport.uds;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import tractor.transport.spi.AuthenticationFailed;

/**
 * The user check of the {@code uds} transport: the peer of every connection, accepted or connected, must
 * run as the same user as this process, as the kernel reports it ({@code SO_PEERCRED} on Linux,
 * {@code getpeereid} on macOS). Where the platform cannot tell, the socket file's permissions (the
 * private {@link RuntimeDir}) are the only guard.
 */
final class PeerUser {
    private static final UserPrincipal SELF = self();

    private PeerUser() {}

    /**
     * @throws AuthenticationFailed when the peer runs as another user
     */
    static void check(SocketChannel s) throws IOException {
        if (SELF == null || !s.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) return;
        UnixDomainPrincipal peer = s.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (!SELF.equals(peer.user())) {
            throw new AuthenticationFailed("refused a Unix domain socket peer of another user: it runs as \"" + peer.user().getName()
                    + "\", this process as \"" + SELF.getName() + "\"");
        }
    }

    /** This process's user, as the kernel names it: the owner of {@code /proc/self}, else a lookup by name. */
    private static UserPrincipal self() {
        try {
            Path proc = Path.of("/proc/self");
            if (Files.exists(proc)) return Files.getOwner(proc);
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
