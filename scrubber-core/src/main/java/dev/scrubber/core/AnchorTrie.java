package dev.scrubber.core;

import java.util.Arrays;

/**
 * A trie of anchor remainders, keyed from each anchor's trigger character to its end. The root stands for the
 * trigger itself; a node lists the anchors whose remainder ends there, with the trigger's offset in each.
 */
final class AnchorTrie {
    private char[] keys = new char[0];
    private AnchorTrie[] children = new AnchorTrie[0];
    /** Direct lookup for nodes with many children (the roots of popular triggers); null otherwise. */
    private AnchorTrie[] dense;
    int[] anchors = new int[0];
    int[] offsets = new int[0];

    /** Adds {@code literal} from the character after {@code offset} (the trigger) to its end. */
    void insert(String literal, int offset, int anchor) {
        AnchorTrie node = this;
        for (int i = offset + 1; i < literal.length(); i++) {
            char c = literal.charAt(i);
            AnchorTrie next = node.child(c);
            if (next == null) {
                next = new AnchorTrie();
                node.keys = Arrays.copyOf(node.keys, node.keys.length + 1);
                node.keys[node.keys.length - 1] = c;
                node.children = Arrays.copyOf(node.children, node.children.length + 1);
                node.children[node.children.length - 1] = next;
                node.index();
            }
            node = next;
        }
        node.anchors = Arrays.copyOf(node.anchors, node.anchors.length + 1);
        node.anchors[node.anchors.length - 1] = anchor;
        node.offsets = Arrays.copyOf(node.offsets, node.offsets.length + 1);
        node.offsets[node.offsets.length - 1] = offset;
    }

    /** Whether a whole string inserted from its start (offset -1) ends at the node {@code s} leads to. */
    boolean contains(String s) {
        AnchorTrie node = this;
        for (int i = 0; i < s.length() && node != null; i++) {
            node = node.child(s.charAt(i));
        }
        return node != null && node.anchors.length > 0;
    }

    boolean hasChildren() {
        return keys.length > 0;
    }

    private void index() {
        boolean ascii = true;
        for (char k : keys) {
            ascii &= k < 128;
        }
        if (keys.length > 4 && ascii) {
            dense = new AnchorTrie[128];
            for (int i = 0; i < keys.length; i++) {
                dense[keys[i]] = children[i];
            }
        } else {
            dense = null;
        }
    }

    AnchorTrie child(char c) {
        AnchorTrie[] d = dense;
        if (d != null) {
            return c < 128 ? d[c] : null;
        }
        char[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == c) {
                return children[i];
            }
        }
        return null;
    }
}
