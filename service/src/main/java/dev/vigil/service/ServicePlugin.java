package dev.vigil.service;

/**
 * Something that runs inside {@code vigil serve} beside the scheduler, such as the HTTP API and dashboard: started
 * once the store and the scheduler run, stopped before they stop.
 */
public interface ServicePlugin {

    /** Starts; {@code service} reads the store and starts on-demand scans. */
    void start(Service service) throws Exception;

    void stop();
}
