package org.attune.infra.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;

/** Ports nobody listens on right now, all held open together so none is handed out twice. */
final class FreePorts {

    private FreePorts() {}

    static int[] take(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            var ports = new int[count];
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
    }
}
