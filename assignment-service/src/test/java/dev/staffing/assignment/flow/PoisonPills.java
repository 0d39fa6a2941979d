package dev.staffing.assignment.flow;

import static dev.staffing.assignment.flow.TestEvents.TODAY;

import dev.staffing.assignment.flow.PoisonPillStream.Entry;
import dev.staffing.assignment.flow.PoisonPillStream.ExpectedPerson;
import dev.staffing.assignment.flow.PoisonPillStream.ExpectedProject;
import dev.staffing.events.EmployeeEvent;
import dev.staffing.events.EmployeeHired;
import dev.staffing.events.ProjectEvent;
import dev.staffing.events.ProjectOpened;
import dev.staffing.events.Seniority;
import dev.staffing.events.Slot;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * Makes poison pills for a {@link PoisonPillStream}: records that cannot be decoded, and events that
 * decode but break a rule, either for an entity of their own or as a change to one the stream already
 * made (with the next sequence, so that it is checked rather than skipped as stale).
 */
final class PoisonPills {

    /** The ways a record is corrupted, each with the dead-letter reason it must get. */
    enum Corruption {
        BAD_MAGIC_BYTE("UNDECODABLE"),
        UNKNOWN_SCHEMA_ID("UNDECODABLE"),
        TRUNCATED_AVRO("UNDECODABLE"),
        CAPACITY_OUTSIDE_RANGE("INVALID_FTE"),
        UNKNOWN_PERSONA("UNKNOWN_PERSONA"),
        NEGATIVE_SEATS("NEGATIVE_SEATS"),
        END_BEFORE_START("END_BEFORE_START"),
        /** A value longer than the database column it is kept in: it could never be stored. */
        FIELD_TOO_LONG("FIELD_TOO_LONG");

        private final String reason;

        Corruption(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private static final List<String> UNKNOWN_PERSONAS = List.of("astronaut", "wizard", "chief-vibes-officer");
    private static final double[] OUT_OF_RANGE_FTE = {-0.25, -1.0, 1.01, 1.5, 7.0};

    private final PoisonPillStream stream;
    private final Random random;

    PoisonPills(PoisonPillStream stream) {
        this.stream = stream;
        this.random = stream.random();
    }

    /** A poison pill of this kind; it changes only entities the stream already made, or new ones. */
    Entry make(Corruption kind) {
        return switch (kind) {
            case BAD_MAGIC_BYTE -> {
                Entry base = undecodableBase();
                byte[] bytes = base.value().clone();
                bytes[0] = (byte) (1 + random.nextInt(255));
                yield undecodable(base, kind, bytes, String.format("starts with byte 0x%02x", bytes[0] & 0xff));
            }
            case UNKNOWN_SCHEMA_ID -> {
                Entry base = undecodableBase();
                byte[] bytes = base.value().clone();
                // Far above any id the shared test registry hands out.
                int schemaId = 1_000_000 + random.nextInt(1_000_000);
                ByteBuffer.wrap(bytes).putInt(1, schemaId);
                yield undecodable(base, kind, bytes, "schema id " + schemaId);
            }
            case TRUNCATED_AVRO -> {
                Entry base = undecodableBase();
                // Keeps the 5-byte header and at least one byte of Avro, loses at least one.
                byte[] bytes = Arrays.copyOf(base.value(), 6 + random.nextInt(base.value().length - 6));
                yield undecodable(base, kind, bytes, "truncated or corrupt");
            }
            case CAPACITY_OUTSIDE_RANGE -> capacityOutsideRange(kind);
            case UNKNOWN_PERSONA -> unknownPersona(kind);
            case NEGATIVE_SEATS -> negativeSeats(kind);
            case END_BEFORE_START -> endBeforeStart(kind);
            case FIELD_TOO_LONG -> fieldTooLong(kind);
        };
    }

    private Entry capacityOutsideRange(Corruption kind) {
        double fte = OUT_OF_RANGE_FTE[random.nextInt(OUT_OF_RANGE_FTE.length)];
        List<Supplier<SpecificRecord>> variants = new ArrayList<>();
        variants.add(() -> TestEvents.hired(stream.rejected("bad-e-"), 1, stream.somePersonas(), List.of(),
                Seniority.MID, fte));
        if (stream.hasPeople()) {
            variants.add(() -> {
                ExpectedPerson person = stream.anyPerson();
                return TestEvents.capacityChanged(person.id(), person.sequence() + 1, fte);
            });
        }
        return invalid(kind, oneOf(variants).get(), "fte " + fte);
    }

    private Entry unknownPersona(Corruption kind) {
        String persona = UNKNOWN_PERSONAS.get(random.nextInt(UNKNOWN_PERSONAS.size()));
        List<String> personas = new ArrayList<>(stream.somePersonas());
        personas.add(random.nextInt(personas.size() + 1), persona);
        List<Slot> slots = new ArrayList<>(stream.someSlots());
        slots.set(random.nextInt(slots.size()), TestEvents.slot("odd", persona, 1, 1.0));
        List<Supplier<SpecificRecord>> variants = new ArrayList<>();
        variants.add(() -> TestEvents.hired(stream.rejected("bad-e-"), 1, personas, List.of(), Seniority.JUNIOR,
                1.0));
        variants.add(() -> TestEvents.opened(stream.rejected("bad-p-"), 4, TODAY, TODAY.plusDays(30), slots));
        if (stream.hasPeople()) {
            variants.add(() -> {
                ExpectedPerson person = stream.anyPerson();
                return TestEvents.profileChanged(person.id(), person.sequence() + 1, personas, List.of());
            });
        }
        if (stream.hasProjects()) {
            variants.add(() -> {
                ExpectedProject project = stream.anyProject();
                return TestEvents.slotsChanged(project.id(), project.sequence() + 1, slots.toArray(Slot[]::new));
            });
        }
        return invalid(kind, oneOf(variants).get(), "unknown persona '" + persona + "'");
    }

    private Entry negativeSeats(Corruption kind) {
        int seats = -1 - random.nextInt(5);
        List<Slot> slots = new ArrayList<>(stream.someSlots());
        slots.set(random.nextInt(slots.size()), TestEvents.slot("broken", stream.anyPersona(), seats, 0.5));
        List<Supplier<SpecificRecord>> variants = new ArrayList<>();
        variants.add(() -> TestEvents.opened(stream.rejected("bad-p-"), 3, TODAY, TODAY.plusDays(90), slots));
        if (stream.hasProjects()) {
            variants.add(() -> {
                ExpectedProject project = stream.anyProject();
                return TestEvents.slotsChanged(project.id(), project.sequence() + 1, slots.toArray(Slot[]::new));
            });
        }
        return invalid(kind, oneOf(variants).get(), "seats " + seats + " below 0");
    }

    private Entry endBeforeStart(Corruption kind) {
        LocalDate start = TODAY.plusDays(10 + random.nextInt(30));
        LocalDate end = start.minusDays(1 + random.nextInt(30));
        List<Supplier<SpecificRecord>> variants = new ArrayList<>();
        variants.add(() -> TestEvents.opened(stream.rejected("bad-p-"), 2, start, end, stream.someSlots()));
        if (stream.hasProjects()) {
            variants.add(() -> {
                ExpectedProject project = stream.anyProject();
                return TestEvents.scheduleChanged(project.id(), project.sequence() + 1, 3, start, end);
            });
        }
        if (stream.hasPeople()) {
            variants.add(() -> {
                ExpectedPerson person = stream.anyPerson();
                return TestEvents.leave(person.id(), person.sequence() + 1, start, end);
            });
        }
        return invalid(kind, oneOf(variants).get(), "ends " + end + " before it starts " + start);
    }

    private Entry fieldTooLong(Corruption kind) {
        return switch (random.nextInt(3)) {
            case 0 -> {
                String name = "N".repeat(301 + random.nextInt(200));
                yield invalid(kind, TestEvents.employee(stream.rejected("bad-e-"), 1, EmployeeHired.newBuilder()
                        .setDisplayName(name).setPersonas(stream.somePersonas()).setSkills(List.of())
                        .setSeniority(Seniority.MID).setFte(1.0).setStartDate(TODAY).build()),
                        "displayName has " + name.length() + " characters");
            }
            case 1 -> {
                String name = "P".repeat(301 + random.nextInt(200));
                yield invalid(kind, TestEvents.project(stream.rejected("bad-p-"), 1, ProjectOpened.newBuilder()
                        .setName(name).setPriority(3).setStartDate(TODAY).setEndDate(null)
                        .setSlots(stream.someSlots()).build()), "name has " + name.length() + " characters");
            }
            default -> {
                String id = stream.rejected("bad-e-", "-" + "x".repeat(100 + random.nextInt(100)));
                yield invalid(kind, TestEvents.hired(id, 1, stream.somePersonas(), List.of(), Seniority.MID, 1.0),
                        "employeeId has " + id.length() + " characters");
            }
        };
    }

    /** A valid record of an entity nothing else names, to be made undecodable. */
    private Entry undecodableBase() {
        SpecificRecord event = random.nextBoolean()
                ? TestEvents.hired(stream.rejected("lost-e-"), 1, stream.somePersonas(), List.of("go"),
                        Seniority.STAFF, 0.5)
                : TestEvents.opened(stream.rejected("lost-p-"), 2, TODAY, TODAY.plusDays(60), stream.someSlots());
        return new Entry(stream.topicOf(event), keyOf(event), stream.serialize(event), null, null);
    }

    private static Entry undecodable(Entry base, Corruption kind, byte[] bytes, String message) {
        return new Entry(base.topic(), base.key(), bytes, kind, message);
    }

    private Entry invalid(Corruption kind, SpecificRecord event, String message) {
        return new Entry(stream.topicOf(event), keyOf(event), stream.serialize(event), kind, message);
    }

    private static String keyOf(SpecificRecord event) {
        return event instanceof EmployeeEvent employee ? employee.getEmployeeId()
                : ((ProjectEvent) event).getProjectId();
    }

    private <T> T oneOf(List<T> candidates) {
        return candidates.get(random.nextInt(candidates.size()));
    }
}
