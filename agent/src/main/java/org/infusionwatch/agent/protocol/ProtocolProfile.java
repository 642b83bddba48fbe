package org.infusionwatch.agent.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.infusionwatch.agent.model.EventCode;

/**
 * The definitions of one trial protocol, read from a versioned protocol file: which events it
 * defines, windows, thresholds, hold times, the vasopressor table, the ventilation-mode and
 * monitor-alarm tables, early-warning and artefact limits. Every field is required and every field
 * must be known, so a file says everything that is in force; a bad file is refused with a message
 * naming the field. Every alert carries the profile's name and the SHA-256 of the file, so a
 * coordinator can tell exactly which definitions produced it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProtocolProfile {
    private static final long SECOND_MS = 1_000L;
    private static final long MINUTE_MS = 60_000L;

    private final String name;
    private final int version;
    private final String description;
    private final String contentHash;
    private final Set<EventCode> events;
    private final long windowMs;
    private final long longWindowMs;
    private final long baselineMs;
    private final long settingGraceMs;
    private final HypoxemiaDefinition hypoxemia;
    private final VasopressorDefinition vasopressors;
    private final long intubationHoldMs;
    private final VentModeTable ventModes;
    private final ArrhythmiaDefinition arrhythmia;
    private final AlarmCodeTable alarmCodes;
    private final long signalLossMs;
    private final EarlyWarningLimits earlyWarnings;
    private final ArtefactLimits artefacts;

    private ProtocolProfile(ProfileFields f, String contentHash) {
        this.name = f.text("name");
        this.version = (int) f.positive("version");
        this.description = f.text("description");
        this.contentHash = contentHash;
        this.events = events(f);
        this.windowMs = f.positive("window.minutes") * MINUTE_MS;
        this.longWindowMs = f.positive("long-window.minutes") * MINUTE_MS;
        this.baselineMs = f.positive("baseline.minutes") * MINUTE_MS;
        this.settingGraceMs = f.nonNegative("setting-baseline.grace.minutes") * MINUTE_MS;
        this.hypoxemia = hypoxemia(f);
        this.vasopressors = vasopressors(f);
        this.intubationHoldMs = f.nonNegative("intubation.hold.minutes") * MINUTE_MS;
        this.ventModes = ventModes(f);
        this.arrhythmia = new ArrhythmiaDefinition(f.nonNegative("arrhythmia.hold.seconds") * SECOND_MS,
                f.nonNegative("arrhythmia.doubtful-within.seconds") * SECOND_MS);
        this.alarmCodes = alarmCodes(f);
        this.signalLossMs = f.positive("signal-loss.seconds") * SECOND_MS;
        this.earlyWarnings = new EarlyWarningLimits(
                f.positiveDecimal("early-warning.spo2.below-percent"),
                f.positive("early-warning.spo2.hold.seconds") * SECOND_MS,
                f.positiveDecimal("early-warning.map.below-mmhg"),
                f.positive("early-warning.map.hold.seconds") * SECOND_MS,
                f.positiveDecimal("early-warning.heart-rate.above"),
                f.positiveDecimal("early-warning.heart-rate.below"),
                f.positive("early-warning.heart-rate.hold.seconds") * SECOND_MS,
                f.positive("early-warning.max-gap.seconds") * SECOND_MS);
        this.artefacts = new ArtefactLimits(
                f.decimal("artefact.spo2.min-percent"),
                f.decimal("artefact.spo2.max-percent"),
                f.decimal("artefact.spo2.min-perfusion-index"),
                f.decimal("artefact.heart-rate.min"),
                f.decimal("artefact.heart-rate.max"),
                f.decimal("artefact.arterial-mean.min-mmhg"),
                f.decimal("artefact.arterial-mean.max-mmhg"),
                f.decimal("artefact.arterial-systolic.max-mmhg"),
                f.decimal("artefact.arterial.min-pulse-pressure-mmhg"));
        refuseContradictions(f);
        f.refuseUnknownFields();
    }

    /**
     * Fields that are each valid but contradict one another would silently switch a rule off
     * (every SpO2 an artefact, cardiac arrest never inside its window): refused like a bad field.
     */
    private void refuseContradictions(ProfileFields f) {
        if (longWindowMs < windowMs) {
            throw f.invalid("long-window.minutes", f.text("long-window.minutes"),
                    "at least window.minutes (" + f.text("window.minutes") + ")");
        }
        below(f, "artefact.spo2.min-percent", "artefact.spo2.max-percent");
        below(f, "artefact.heart-rate.min", "artefact.heart-rate.max");
        below(f, "artefact.arterial-mean.min-mmhg", "artefact.arterial-mean.max-mmhg");
        below(f, "early-warning.heart-rate.below", "early-warning.heart-rate.above");
    }

    private static void below(ProfileFields f, String lowField, String highField) {
        if (!(f.decimal(lowField) < f.decimal(highField))) {
            throw f.invalid(lowField, f.text(lowField), "below " + highField + " (" + f.text(highField) + ")");
        }
    }

    /** A built-in profile by name (STROMA, START, LANZONI), case-insensitive. */
    public static ProtocolProfile builtIn(String name) {
        String resource = "/protocols/" + name.toUpperCase(Locale.ROOT) + ".properties";
        try (InputStream in = ProtocolProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProtocolFileException("no built-in protocol profile named " + name
                        + " and no such file (built-in: STROMA, START, LANZONI)");
            }
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A coordinator's own protocol file. */
    public static ProtocolProfile fromFile(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new ProtocolFileException("cannot read protocol file " + file + ": " + e.getMessage());
        }
    }

    /** A built-in name or, when {@code nameOrPath} names a file that exists, that file. */
    public static ProtocolProfile resolve(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        return Files.isRegularFile(p) ? fromFile(p) : builtIn(nameOrPath);
    }

    /**
     * Reads a protocol file's bytes.
     *
     * @param origin how to name the file in a refusal
     * @throws ProtocolFileException naming the field when a field is missing, invalid or unknown
     */
    public static ProtocolProfile parse(byte[] content, String origin) {
        Properties p = new Properties();
        try {
            p.load(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new ProtocolFileException("protocol file " + origin + " is not a properties file: " + e.getMessage());
        }
        return new ProtocolProfile(new ProfileFields(p, origin), sha256(content));
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    /** What the profile is and where it comes from, e.g. that STROMA is an inference. */
    public String description() {
        return description;
    }

    /** SHA-256 of the protocol file's bytes, hex. */
    public String contentHash() {
        return contentHash;
    }

    /** True when the profile defines this event. Signal loss and early warnings are always on. */
    public boolean enabled(EventCode event) {
        return !event.isProtocolEvent() || events.contains(event);
    }

    /** Window after onset for respiratory and cardiovascular events. */
    public long windowMs() {
        return windowMs;
    }

    /** Window after onset for cardiac arrest and death. */
    public long longWindowMs() {
        return longWindowMs;
    }

    /** The window of one event: the long one for cardiac arrest and death. */
    public long windowMs(EventCode event) {
        return event == EventCode.CARDIAC_ARREST || event == EventCode.DEATH ? longWindowMs : windowMs;
    }

    /** Length of the physiological baseline before onset (median of artefact-free samples). */
    public long baselineMs() {
        return baselineMs;
    }

    /** How long after onset a device's first setting report may stand for the setting at onset. */
    public long settingGraceMs() {
        return settingGraceMs;
    }

    public HypoxemiaDefinition hypoxemia() {
        return hypoxemia;
    }

    public VasopressorDefinition vasopressors() {
        return vasopressors;
    }

    public long intubationHoldMs() {
        return intubationHoldMs;
    }

    public VentModeTable ventModes() {
        return ventModes;
    }

    public ArrhythmiaDefinition arrhythmia() {
        return arrhythmia;
    }

    public AlarmCodeTable alarmCodes() {
        return alarmCodes;
    }

    /** A monitored device silent for longer than this inside an open window is SIGNAL_LOSS. */
    public long signalLossMs() {
        return signalLossMs;
    }

    public EarlyWarningLimits earlyWarnings() {
        return earlyWarnings;
    }

    public ArtefactLimits artefacts() {
        return artefacts;
    }

    /**
     * How long the condition of {@code event} must hold before it is raised; 0 for events a
     * clinician reports. Used to measure detection delay beyond the hold.
     */
    public long holdMs(EventCode event) {
        return switch (event) {
            case VASOPRESSOR_ESCALATION -> vasopressors.holdMs();
            case HYPOXEMIA_WORSENING -> hypoxemia.holdMs();
            case INTUBATION_AFTER_HIGH_FLOW -> intubationHoldMs;
            case LETHAL_ARRHYTHMIA -> arrhythmia.holdMs();
            case SIGNAL_LOSS -> signalLossMs;
            case EARLY_WARNING_DESATURATION -> earlyWarnings.spo2HoldMs();
            case EARLY_WARNING_HYPOTENSION -> earlyWarnings.mapHoldMs();
            case EARLY_WARNING_HEART_RATE -> earlyWarnings.heartRateHoldMs();
            default -> 0L;
        };
    }

    @Override
    public String toString() {
        return name + " v" + version + " (" + contentHash.substring(0, 12) + ")";
    }

    private static Set<EventCode> events(ProfileFields f) {
        Set<EventCode> set = EnumSet.noneOf(EventCode.class);
        for (String code : f.list("events")) {
            EventCode e;
            try {
                e = EventCode.valueOf(code);
            } catch (IllegalArgumentException ex) {
                throw f.invalid("events", code, "protocol event codes such as HYPOXEMIA_WORSENING");
            }
            if (!e.isProtocolEvent()) {
                throw f.invalid("events", code, "protocol events only (signal loss and early warnings are always on)");
            }
            set.add(e);
        }
        return set;
    }

    private static HypoxemiaDefinition hypoxemia(ProfileFields f) {
        String combine = f.choice("hypoxemia.combine", "AND", "OR");
        String mode = f.choice("hypoxemia.fio2-rise.mode", "ABSOLUTE", "RELATIVE");
        return new HypoxemiaDefinition(
                f.positiveDecimal("hypoxemia.fio2-rise"),
                mode.equals("RELATIVE"),
                f.comparison("hypoxemia.fio2-rise.comparison"),
                f.positiveDecimal("hypoxemia.peep-rise-cmh2o"),
                f.comparison("hypoxemia.peep-rise.comparison"),
                combine.equals("AND"),
                f.positive("hypoxemia.hold.minutes") * MINUTE_MS);
    }

    private static VasopressorDefinition vasopressors(ProfileFields f) {
        List<VasopressorDrug> drugs = new ArrayList<>();
        for (String drug : f.list("vasopressor.drugs")) {
            String prefix = "vasopressor." + drug + ".";
            String unitText = f.text(prefix + "unit");
            DoseUnit unit = DoseUnit.fromText(unitText);
            if (unit == null) {
                throw f.invalid(prefix + "unit", unitText, "ug/min, ug/kg/min or none");
            }
            double threshold = Double.NaN;
            if (unit != DoseUnit.NONE) {
                threshold = f.positiveDecimal(prefix + "threshold");
            } else if (f.has(prefix + "threshold")) {
                throw f.invalid(prefix + "threshold", f.text(prefix + "threshold"),
                        "no threshold for a drug whose unit is none");
            }
            drugs.add(new VasopressorDrug(drug, f.list(prefix + "labels"), threshold, unit));
        }
        return new VasopressorDefinition(drugs, f.comparison("vasopressor.comparison"),
                f.bool("vasopressor.third-agent"), f.positive("vasopressor.hold.minutes") * MINUTE_MS);
    }

    private static VentModeTable ventModes(ProfileFields f) {
        Map<VentMode, List<String>> table = new EnumMap<>(VentMode.class);
        for (VentMode mode : VentMode.values()) {
            if (mode != VentMode.UNKNOWN) {
                table.put(mode, f.listOrEmpty("vent-mode." + mode.name()));
            }
        }
        return new VentModeTable(table);
    }

    private static AlarmCodeTable alarmCodes(ProfileFields f) {
        Map<AlarmMeaning, List<String>> table = new EnumMap<>(AlarmMeaning.class);
        for (AlarmMeaning meaning : AlarmMeaning.values()) {
            table.put(meaning, f.listOrEmpty("alarm-code." + meaning.name()));
        }
        return new AlarmCodeTable(table);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
