package org.attune.content;

import org.attune.testsupport.ServiceApi;

/** A client of the running content-service that signs in as a given client or therapist. */
public final class Api extends ServiceApi {

    public Api(int port) {
        super(port);
    }
}
