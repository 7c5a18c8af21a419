package tractor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointTest {
    public static boolean isPrime(int n) {
        return n > 1;
    }

    public boolean instanceMethod(int n) {
        return n > 1;
    }

    @Test
    void methodReferenceResolvesWithoutRunning() {
        Endpoint e = Endpoint.of((Endpoints.Fn1<Integer, Boolean>) EndpointTest::isPrime);
        assertEquals(new Endpoint(EndpointTest.class.getName(), "isPrime"), e);
        assertEquals("tractor.EndpointTest#isPrime", e.toString());
        assertEquals(e, Endpoint.parse(e.toString()));
    }

    @Test
    void jdkMethodReferenceResolves() {
        Endpoint e = Endpoint.of((Endpoints.Fn1<String, Integer>) Integer::parseInt);
        assertEquals("java.lang.Integer#parseInt", e.toString());
    }

    @Test
    void lambdaIsRefusedWithAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Endpoint.of((Endpoints.Fn1<Integer, Integer>) x -> x + 1));
        assertTrue(e.getMessage().contains("method reference"), e.getMessage());
    }

    @Test
    void instanceMethodsAreRefused() {
        EndpointTest self = new EndpointTest();
        IllegalArgumentException bound = assertThrows(IllegalArgumentException.class,
                () -> Endpoint.of((Endpoints.Fn1<Integer, Boolean>) self::instanceMethod));
        assertTrue(bound.getMessage().contains("not a static method"), bound.getMessage());
        IllegalArgumentException unbound = assertThrows(IllegalArgumentException.class,
                () -> Endpoint.of((Endpoints.Fn2<EndpointTest, Integer, Boolean>) EndpointTest::instanceMethod));
        assertTrue(unbound.getMessage().contains("not a static method"), unbound.getMessage());
    }

    @Test
    void badStringsAreRefused() {
        for (String bad : new String[] {"", "#m", "C#", "C", "a#b#c"}) {
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bad), bad);
        }
    }

    @Test
    void remoteErrorAccessors() {
        ActorId child = new ActorId("child", "1111-2222-3333");
        ActorId root = new ActorId("root", "4444");
        RemoteActorError e = new RemoteActorError("boom", "java.lang.IllegalStateException", "java.lang.IllegalStateException",
                child, java.util.List.of(child), "at X");
        assertEquals(IllegalStateException.class, e.boxedType().orElseThrow());
        assertTrue(!e.isInception());
        assertEquals(child, e.relayUid());
        RemoteActorError relayed = new RemoteActorError("boom", RemoteActorError.class.getName(), "com.example.Unknown",
                child, java.util.List.of(child, root), "");
        assertTrue(relayed.isInception());
        assertTrue(relayed.srcType().isEmpty());
        assertEquals(root, relayed.relayUid());
        assertTrue(relayed.getMessage().contains("via"), relayed.getMessage());
    }
}
