package jp.govcloudops.format.cost;

/** A reusable CharSequence over ASCII bytes, so numbers and timestamps are parsed without making Strings. */
final class AsciiView implements CharSequence {

    private byte[] bytes = new byte[0];
    private int offset;
    private int length;

    AsciiView set(byte[] source, int from, int count) {
        bytes = source;
        offset = from;
        length = count;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[offset + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
