package tractor.examples;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Field;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import java.util.List;
import java.util.Map;

/**
 * A real debugger (JDI, module {@code jdk.jdi}) attached to an actor's JDWP agent, doing what a user in
 * an IDE does to resume a paused actor: set {@code resume = true} on the held {@code DebugHold}.
 */
final class Debugger {
    private Debugger() {}

    static {
        // as a test patched into module tractor.examples (surefire's module path mode), read jdk.jdi too
        ModuleLayer.boot().findModule("jdk.jdi").ifPresent(Debugger.class.getModule()::addReads);
    }

    /**
     * Attaches to {@code hostPort}, sets {@code resume} on every {@code DebugHold} of that JVM that is
     * still holding, detaches; returns how many it resumed.
     */
    static int resumeHolds(String hostPort) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> args = socket.defaultArguments();
        args.get("hostname").setValue(hostPort.substring(0, hostPort.lastIndexOf(':')));
        args.get("port").setValue(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        args.get("timeout").setValue("10000");
        VirtualMachine vm = socket.attach(args);
        try {
            List<ReferenceType> types = vm.classesByName("tractor.runtime.DebugHold");
            if (types.isEmpty()) throw new AssertionError("no DebugHold class is loaded in " + vm.name() + " at " + hostPort);
            ReferenceType hold = types.getFirst();
            Field resume = hold.fieldByName("resume");
            int resumed = 0;
            for (ObjectReference h : hold.instances(0)) {
                if (!((BooleanValue) h.getValue(resume)).value()) {
                    h.setValue(resume, vm.mirrorOf(true));
                    resumed++;
                }
            }
            return resumed;
        } finally {
            vm.dispose();
        }
    }
}
