package jp.govcloudops.format;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Networks, each with a value, to look addresses up in; the first network (in the order added) that holds the
 * address gives its value. IPv4 lookups run on ints over parallel arrays, with no allocation.
 */
public final class CidrTable<T> {

    private final int[] v4Networks;
    private final int[] v4Masks;
    private final List<T> v4Values;
    private final List<Cidr> v6Networks;
    private final List<T> v6Values;

    private CidrTable(List<Cidr> networks, List<T> values) {
        List<Integer> v4 = new ArrayList<>();
        List<Integer> v6 = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            (networks.get(i).isV4() ? v4 : v6).add(i);
        }
        v4Networks = v4.stream().mapToInt(i -> networks.get(i).v4Network()).toArray();
        v4Masks = v4.stream().mapToInt(i -> networks.get(i).v4Mask()).toArray();
        v4Values = v4.stream().map(values::get).toList();
        v6Networks = v6.stream().map(networks::get).toList();
        v6Values = v6.stream().map(values::get).toList();
    }

    /** The value of the first network holding the address, or null. */
    public T ofV4(int address) {
        for (int i = 0; i < v4Networks.length; i++) {
            if ((address & v4Masks[i]) == v4Networks[i]) {
                return v4Values.get(i);
            }
        }
        return null;
    }

    /**
     * The /16 blocks of IPv4 addresses (by their top 16 bits) that a network narrower than /16 lies inside: in every
     * other block all addresses have the same value.
     */
    public BitSet splitV4Blocks() {
        BitSet split = new BitSet(1 << 16);
        for (int i = 0; i < v4Networks.length; i++) {
            if (Integer.bitCount(v4Masks[i]) > 16) {
                split.set(v4Networks[i] >>> 16);
            }
        }
        return split;
    }

    /** For an address of 4 or 16 bytes ({@link IpLiterals#bytes}): the value of the first network holding it. */
    public T of(byte[] address) {
        if (address.length == 4) {
            return ofV4((address[0] & 0xff) << 24 | (address[1] & 0xff) << 16 | (address[2] & 0xff) << 8
                    | (address[3] & 0xff));
        }
        for (int i = 0; i < v6Networks.size(); i++) {
            if (v6Networks.get(i).contains(address)) {
                return v6Values.get(i);
            }
        }
        return null;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public static final class Builder<T> {
        private final List<Cidr> networks = new ArrayList<>();
        private final List<T> values = new ArrayList<>();

        /** Adds each text as a network with the value; the first text that is not a CIDR stops with its text. */
        public Builder<T> add(List<String> cidrs, T value) {
            for (String text : cidrs) {
                networks.add(Cidr.parse(text));
                values.add(value);
            }
            return this;
        }

        public CidrTable<T> build() {
            return new CidrTable<>(networks, values);
        }
    }
}
