package io.jenkins.plugins.securepipeline.signing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little ASN.1 DER needed to turn a SEC1 "EC PRIVATE KEY" into PKCS#8 and to find its curve and public key:
 * reading the elements of a SEQUENCE and writing tag-length-value. Definite lengths only, as DER requires.
 */
final class Der {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int BIT_STRING = 0x03;
    static final int CONTEXT_0 = 0xa0;
    static final int CONTEXT_1 = 0xa1;

    private Der() {}

    /** One element: its tag and its content bytes; {@code encoded} is tag + length + content. */
    record Element(int tag, byte[] content, byte[] encoded) {}

    /** The elements inside a single outer SEQUENCE that spans exactly the whole input. */
    static List<Element> sequence(byte[] der) {
        int[] position = {0};
        Element outer = read(der, position);
        if (outer.tag() != SEQUENCE || position[0] != der.length) {
            throw new IllegalArgumentException("not a single DER SEQUENCE");
        }
        List<Element> elements = new ArrayList<>();
        int[] inner = {0};
        while (inner[0] < outer.content().length) {
            elements.add(read(outer.content(), inner));
        }
        return elements;
    }

    /** The single element that makes up the content of an explicitly tagged ([0], [1]) element. */
    static Element unwrap(Element tagged) {
        int[] position = {0};
        Element inner = read(tagged.content(), position);
        if (position[0] != tagged.content().length) {
            throw new IllegalArgumentException("trailing bytes in tagged element");
        }
        return inner;
    }

    private static Element read(byte[] der, int[] position) {
        int start = position[0];
        if (start + 2 > der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        int tag = der[start] & 0xff;
        int length = der[start + 1] & 0xff;
        int offset = start + 2;
        if (length > 0x7f) {
            int count = length & 0x7f;
            if (count == 0 || count > 3 || offset + count > der.length) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[offset++] & 0xff);
            }
        }
        if (offset + length > der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        position[0] = offset + length;
        return new Element(tag, Arrays.copyOfRange(der, offset, offset + length), Arrays.copyOfRange(der, start, offset + length));
    }

    /** Tag, DER length and the concatenated parts. */
    static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            throw new IllegalArgumentException("DER element too long");
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
