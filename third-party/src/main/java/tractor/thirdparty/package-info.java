/**
 * Example third-party backends: {@link tractor.thirdparty.JvmOptsBackendProvider} ({@code jvmopts}) and
 * {@link tractor.thirdparty.MemTransport} ({@code mem}). Each is one provider class plus one {@code provides}
 * line and one {@code META-INF/services} line.
 */
package tractor.thirdparty;
