package jp.govcloudops.detect.flow;

import java.util.List;

/** A set of ports looked up by index, built once from a setting and shared by the summaries of every object. */
public final class PortFlags {

    private final boolean[] flags = new boolean[65536];

    public PortFlags(List<Integer> ports) {
        ports.forEach(p -> flags[p & 0xffff] = true);
    }

    /** Whether {@code port} (any value, also negative or above 65535) is one of the set. */
    public boolean contains(long port) {
        return port >= 0 && port < 65536 && flags[(int) port];
    }
}
