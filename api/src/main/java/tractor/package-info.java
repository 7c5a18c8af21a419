/**
 * The public API of tractor for Java. The actor runtime types ({@code Tractor}, {@code Actor},
 * {@code ActorNursery}, {@code Portal}, {@code Context}, {@code MsgStream}) arrive with the runtime;
 * the error types shared by the transports live here already.
 */
package tractor;
