package tractor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tractor.ActorOptions;
import tractor.Context;
import tractor.MsgStream;
import tractor.Portal;
import tractor.RemoteActorError;
import tractor.Tractor;
import tractor.runtime.it.NsPaths;
import tractor.runtime.it.NsPaths.NsPath;
import tractor.sc.CancelScope;
import tractor.testkit.Bounded;

/**
 * tractor's tests/msg/test_ext_types_msgspec.py (scenarios 255–258) with {@code NamespacePath} as a user
 * extension type ({@link NsPaths.NsPath}, registered by {@link NsPaths}'s initializer on both ends).
 *
 * <p>256 ({@code test_pld_limiting_usage}): limiting a context's payloads to an extension type is
 * {@code @PayloadSpec(NsPath.class)}, used by 257; its {@code only_hook} case (a decode hook without
 * the ext type) has no Java analogue: {@code ExtTypes.register} takes the type, its code and both hooks
 * together.
 */
@Bounded(seconds = 30)
class ExtTypesOverIpcTest {

    /** 255 (codec unit): with the hooks an NsPath crosses a Started envelope (its pld left raw) and loads the same function; without them it cannot be encoded. */
    @Test
    void customExtensionTypeThroughAStartedEnvelope() throws Exception {
        NsPaths.init();
        NsPath path = NsPath.from(NsPaths.class, "target");
        PayloadCodec withHooks = new PayloadCodec(UserExt.registry(), CodecLimits.DEFAULT);
        MsgCodec envelope = new MsgCodec();
        RawPayload pld = withHooks.encode(path);
        Msg.Started started = assertInstanceOf(Msg.Started.class, envelope.decode(envelope.encode(new Msg.Started("cid", pld))));
        assertEquals(pld, started.pld(), "the envelope leaves the payload raw");
        NsPath back = withHooks.decode(started.pld(), NsPath.class);
        assertEquals(path, back);
        assertEquals(NsPaths.class.getMethod("target", String.class), back.load());
        assertEquals(path, withHooks.decode(started.pld()), "decoded generically too");

        PayloadCodec noHooks = new PayloadCodec();
        RuntimeException e = assertThrows(RuntimeException.class, () -> noHooks.encode(path));
        assertTrue(e.getMessage().contains("NsPath"), e.getMessage());
    }

    /** 257: parent and child both limited to NsPath (the endpoint's spec); paths stream both ways and load the right function; < 2 s. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void extTypesOverIpc(String b, String t) throws Exception {
        NsPaths.init();
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("sub", ActorOptions.of().enable(NsPaths.class));
            CancelScope.failAfter(Duration.ofSeconds(2), () -> {
                try (Context ctx = p.openContext(NsPaths::pathsBothWays)) {
                    NsPath first = assertInstanceOf(NsPath.class, ctx.first());
                    assertEquals("target:root", first.load().invoke(null, "root"));
                    try (MsgStream s = ctx.openStream()) {
                        for (int i = 0; i < 3; i++) {
                            s.send(first);
                            NsPath echoed = assertInstanceOf(NsPath.class, s.receive());
                            assertEquals(NsPaths.class.getMethod("target", String.class), echoed.load());
                        }
                    }
                    assertEquals("count:3", ((NsPaths.NsPath) ctx.waitForResult()).path());
                }
                return null;
            });
            p.cancelActor();
        });
    }

    /** 258: the child cannot encode a value of an unregistered type in started(): the root gets RAE naming its class. */
    @ParameterizedTest
    @MethodSource("tractor.runtime.Matrix#pairs")
    void unencodableStartedValueFailsInTheChild(String b, String t) throws Exception {
        Tractor.openNursery(Matrix.root(b, t), an -> {
            Portal p = an.startActor("sub", ActorOptions.of().enable(NsPaths.class));
            RemoteActorError e = assertThrows(RemoteActorError.class, () -> p.openContext(NsPaths::startsUnencodable));
            assertTrue(e.remoteMessage().contains("Unregistered"), e.remoteMessage());
            assertTrue(e.boxedType().isPresent(), e.boxedTypeName());
            p.cancelActor();
        });
    }
}
