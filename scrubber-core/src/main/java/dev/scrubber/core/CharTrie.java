package dev.scrubber.core;

import java.util.Arrays;

/**
 * A set of short strings as a trie of characters, walked one character at a time by the caller (the continuation
 * stage reads a text's last characters backwards through the reversed beginnings of token prefixes).
 */
final class CharTrie {
    private char[] keys = new char[0];
    private CharTrie[] children = new CharTrie[0];
    /** Direct lookup for nodes with many children (the root); null otherwise. */
    private CharTrie[] dense;
    /** Whether an inserted string ends at this node. */
    boolean ends;

    void insert(String s) {
        CharTrie node = this;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            CharTrie next = node.child(c);
            if (next == null) {
                next = new CharTrie();
                node.keys = Arrays.copyOf(node.keys, node.keys.length + 1);
                node.keys[node.keys.length - 1] = c;
                node.children = Arrays.copyOf(node.children, node.children.length + 1);
                node.children[node.children.length - 1] = next;
                node.index();
            }
            node = next;
        }
        node.ends = true;
    }

    /** Whether {@code s} was inserted. */
    boolean contains(String s) {
        CharTrie node = this;
        for (int i = 0; i < s.length() && node != null; i++) {
            node = node.child(s.charAt(i));
        }
        return node != null && node.ends;
    }

    private void index() {
        boolean ascii = true;
        for (char k : keys) {
            ascii &= k < 128;
        }
        if (keys.length > 4 && ascii) {
            dense = new CharTrie[128];
            for (int i = 0; i < keys.length; i++) {
                dense[keys[i]] = children[i];
            }
        } else {
            dense = null;
        }
    }

    /** The node after {@code c}, or null. */
    CharTrie child(char c) {
        CharTrie[] d = dense;
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
