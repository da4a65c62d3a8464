package dev.scrubber.core;

import java.util.Arrays;

/** A small trie of anchor literals; walking it reads each text character at most once per hit. */
final class AnchorTrie {
    private char[] keys = new char[0];
    private AnchorTrie[] children = new AnchorTrie[0];
    /** Anchors that end at this node. */
    int[] anchors = new int[0];

    void insert(String literal, int anchor) {
        AnchorTrie node = this;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            AnchorTrie next = node.child(c);
            if (next == null) {
                next = new AnchorTrie();
                node.keys = Arrays.copyOf(node.keys, node.keys.length + 1);
                node.keys[node.keys.length - 1] = c;
                node.children = Arrays.copyOf(node.children, node.children.length + 1);
                node.children[node.children.length - 1] = next;
            }
            node = next;
        }
        node.anchors = Arrays.copyOf(node.anchors, node.anchors.length + 1);
        node.anchors[node.anchors.length - 1] = anchor;
    }

    boolean hasChildren() {
        return keys.length > 0;
    }

    AnchorTrie child(char c) {
        char[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] == c) {
                return children[i];
            }
        }
        return null;
    }
}
