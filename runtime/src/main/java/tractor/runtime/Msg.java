package tractor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The closed set of tractor's wire messages, field for field and in tractor's declaration order (the order
 * {@link MsgCodec} writes them in). Each record's javadoc names the wire keys. Required fields are checked
 * non-null; fields tractor declares with a default may be null where tractor allows {@code None}.
 * Generic map/list fields hold the generic payload mapping ({@link PayloadCodec}) and are not copied.
 */
public sealed interface Msg {

    /** {@return the wire tag: the simple name of the record, e.g. {@code "Start"}} */
    default String msgType() {
        return getClass().getSimpleName();
    }

    /** The msgs whose {@code pld} the owning context may type-limit: {@link Started}, {@link Yield}, {@link Return}. */
    sealed interface PayloadMsg extends Msg {
        /** {@return the dialog id} */
        String cid();

        /** {@return the undecoded payload} */
        RawPayload pld();
    }

    /**
     * Identity handshake, first msg both ways on a new connection. Wire keys: {@code name, uuid, pid,
     * is_registrar, is_probe}.
     *
     * @param name        actor name
     * @param uuid        actor uuid
     * @param pid         OS process id, or null
     * @param isRegistrar whether the actor is a registrar, or null (unknown)
     * @param isProbe     true for a connection that only probes liveness
     */
    record Aid(String name, String uuid, Long pid, Boolean isRegistrar, boolean isProbe) implements Msg {
        /** @throws NullPointerException if {@code name} or {@code uuid} is null */
        public Aid {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uuid, "uuid");
        }

        /** {@return the [name, uuid] pair} */
        public Uid uid() {
            return new Uid(name, uuid);
        }
    }

    /**
     * Parent→child boot data, second msg after {@link Aid}. Wire keys: {@code _parent_main_data,
     * _runtime_vars, enable_modules, reg_addrs, bind_addrs}. Addresses are {@code [str, str|int]} pairs.
     *
     * @param parentMainData parent's main-module data (generic mapping)
     * @param runtimeVars    runtime variables (generic mapping)
     * @param enableModules  module path → file path
     * @param regAddrs       registrar addresses
     * @param bindAddrs      addresses to bind, or null
     */
    record SpawnSpec(Map<String, Object> parentMainData, Map<String, Object> runtimeVars,
                     Map<String, String> enableModules, List<List<Object>> regAddrs,
                     List<List<Object>> bindAddrs) implements Msg {
        /** @throws NullPointerException if a required field is null */
        public SpawnSpec {
            Objects.requireNonNull(parentMainData, "parentMainData");
            Objects.requireNonNull(runtimeVars, "runtimeVars");
            Objects.requireNonNull(enableModules, "enableModules");
            Objects.requireNonNull(regAddrs, "regAddrs");
        }
    }

    /**
     * Request to schedule an RPC task. Wire keys: {@code cid, ns, func, kwargs, uid, pld_spec}.
     * {@code kwargs} stays raw (it must be a msgpack map; the RPC layer decodes it against the target's
     * parameter types).
     *
     * @param cid     dialog id
     * @param ns      namespace (module path, or {@code "self"} for runtime RPCs)
     * @param func    function name
     * @param kwargs  the raw msgpack map of arguments
     * @param uid     the caller's uid
     * @param pldSpec payload spec string, tractor default {@code "typing.Any"}
     */
    record Start(String cid, String ns, String func, RawPayload kwargs, Uid uid, String pldSpec) implements Msg {
        /** tractor's default {@code pld_spec}. */
        public static final String ANY_SPEC = "typing.Any";

        /** @throws NullPointerException if any field is null */
        public Start {
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(ns, "ns");
            Objects.requireNonNull(func, "func");
            Objects.requireNonNull(kwargs, "kwargs");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(pldSpec, "pldSpec");
        }

        /** A Start with the default {@code pld_spec}. @throws NullPointerException if any argument is null */
        public Start(String cid, String ns, String func, RawPayload kwargs, Uid uid) {
            this(cid, ns, func, kwargs, uid, ANY_SPEC);
        }
    }

    /**
     * Callee ack. Wire keys: {@code cid, functype}. The codec accepts any functype string; the caller
     * rejects values other than {@code asyncfunc}, {@code asyncgen}, {@code context}.
     *
     * @param cid      dialog id
     * @param functype kind of the remote function
     */
    record StartAck(String cid, String functype) implements Msg {
        /** @throws NullPointerException if any field is null */
        public StartAck {
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(functype, "functype");
        }
    }

    /** First value of a context. Wire keys: {@code cid, pld}. @param cid dialog id @param pld payload */
    record Started(String cid, RawPayload pld) implements PayloadMsg {
        /** @throws NullPointerException if any field is null */
        public Started {
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(pld, "pld");
        }
    }

    /** One stream value. Wire keys: {@code cid, pld}. @param cid dialog id @param pld payload */
    record Yield(String cid, RawPayload pld) implements PayloadMsg {
        /** @throws NullPointerException if any field is null */
        public Yield {
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(pld, "pld");
        }
    }

    /** Graceful end of a stream. Wire keys: {@code cid}. @param cid dialog id */
    record Stop(String cid) implements Msg {
        /** @throws NullPointerException if {@code cid} is null */
        public Stop {
            Objects.requireNonNull(cid, "cid");
        }
    }

    /** Final result of a remote task. Wire keys: {@code cid, pld}. @param cid dialog id @param pld payload */
    record Return(String cid, RawPayload pld) implements PayloadMsg {
        /** @throws NullPointerException if any field is null */
        public Return {
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(pld, "pld");
        }
    }

    /**
     * Result of a runtime cancel RPC; its {@code pld} is always a bool. Wire keys: {@code cid, pld}.
     *
     * @param cid dialog id
     * @param pld whether the cancel was done
     */
    record CancelAck(String cid, boolean pld) implements Msg {
        /** @throws NullPointerException if {@code cid} is null */
        public CancelAck {
            Objects.requireNonNull(cid, "cid");
        }
    }

    /**
     * A boxed remote exception. Wire keys: {@code src_uid, src_type_str, boxed_type_str, relay_path, message,
     * tb_str, canceller, sender, cid, _bad_msg, _bad_msg_as_dict}.
     *
     * @param srcUid         actor where the error originated
     * @param srcTypeStr     original error type name
     * @param boxedTypeStr   type name of the last hop's boxed error
     * @param relayPath      every relaying actor, in order
     * @param message        error message, or null
     * @param tbStr          remote stack trace text (tractor default {@code ""})
     * @param canceller      who requested a cancel, or null
     * @param sender         overrunning sender, or null
     * @param cid            dialog id, or null
     * @param badMsg         the msg that failed a payload spec, or null
     * @param badMsgAsDict   that msg as a generic map, or null
     */
    record Error(Uid srcUid, String srcTypeStr, String boxedTypeStr, List<Uid> relayPath, String message,
                 String tbStr, Uid canceller, Uid sender, String cid, PayloadMsg badMsg,
                 Map<String, Object> badMsgAsDict) implements Msg {
        /** @throws NullPointerException if a required field or {@code tbStr} is null */
        public Error {
            Objects.requireNonNull(srcUid, "srcUid");
            Objects.requireNonNull(srcTypeStr, "srcTypeStr");
            Objects.requireNonNull(boxedTypeStr, "boxedTypeStr");
            Objects.requireNonNull(relayPath, "relayPath");
            Objects.requireNonNull(tbStr, "tbStr");
        }
    }
}
