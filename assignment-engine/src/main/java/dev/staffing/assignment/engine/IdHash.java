package dev.staffing.assignment.engine;

/**
 * A fixed tie-break: a 40-bit hash of a person's and a slot's ids. Added as the last component of the
 * cost, it makes the optimum unique with overwhelming probability (the isolation lemma: at most one in
 * 2^40 / arcs), so the answer depends on the state alone, never on the order in which the search met
 * it. The same ids give the same hash on every machine and run.
 */
final class IdHash {

    static final int BITS = 40;

    private IdHash() {
    }

    static long of(String personId, String projectId, String slotId) {
        return combine(ofPerson(personId), ofSlot(projectId, slotId));
    }

    /** The person's half of the hash, computed once per person. */
    static long ofPerson(String personId) {
        return mix(0xcbf29ce484222325L, personId);
    }

    /** The slot's half of the hash, computed once per slot. */
    static long ofSlot(String projectId, String slotId) {
        return mix(mix(0x84222325cbf29ce4L, projectId) ^ 0x2f, slotId);
    }

    /** The tie-break of a person and a slot from their halves. */
    static long combine(long personHash, long slotHash) {
        long hash = personHash ^ Long.rotateLeft(slotHash * 0x9e3779b97f4a7c15L, 29);
        // SplitMix64's finaliser spreads FNV's low-entropy bits over the whole word.
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash >>> (64 - BITS);
    }

    private static long mix(long hash, String text) {
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
