package dev.staffing.loadbenchmark;

import org.apache.avro.specific.SpecificRecord;

/**
 * One input event as the generator made it: its place in the run's sequence of events (which is also in
 * its id, so that an output's causation id leads back to it), topic, key and value.
 */
record InputEvent(int index, String topic, String key, SpecificRecord value) {
}
