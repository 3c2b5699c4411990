package io.github.microcred.stacking;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.stacking.internal.Amounts;
import io.github.microcred.stacking.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translators from the UT Dallas Nebula planner's requirement formats (MIT-licensed data in
 * {@code UTDNebula/planner}) into {@link Rules}: the {@code .req} DSL of its max-flow validator
 * ({@code DEFINE} / {@code REQUIRE} / {@code GROUP}) and the JSON degree plans of {@code degree_data}. Courses become
 * credentials in US semester credit hours whose id is the course name ({@code "CS 4341"}), subject its department and
 * level its course level. Requirement groups become double-counting whitelists: a course may serve one requirement per
 * group, as in the Nebula validator.
 */
public final class UtdNebula {
  /** Unit of the Nebula data. */
  public static final String UNIT = "US_SEMESTER_HOUR";

  private static final Pattern COURSE = Pattern.compile("(.*?)(\\d[\\dVv]\\d\\d)");

  private UtdNebula() {}

  /**
   * The rules of a {@code .req} file together with requirement names.
   *
   * @param rules the rules
   * @param names requirement display name to requirement path
   */
  public record ReqRules(Rules rules, Map<String, String> names) {}

  /**
   * Translates a {@code .req} file.
   *
   * @param id rules id
   * @param text file content
   * @return rules and the path of each requirement name
   * @throws StackingException {@link StackingErrorCode#TRANSLATION_FAILED} naming the line and the fault
   */
  public static ReqRules fromReq(String id, String text) throws StackingException {
    Map<String, String> defs = new LinkedHashMap<>();
    Map<String, Requirement> reqs = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    List<List<String>> groups = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cmd = line.split("\\s+", 2);
      if (cmd.length != 2) {
        throw fail(id, n, "expected COMMAND ARGS, got '" + line + "'");
      }
      switch (cmd[0]) {
        case "DEFINE": {
          String[] kv = cmd[1].split("\\s+", 2);
          if (kv.length != 2) {
            throw fail(id, n, "expected DEFINE KEY MATCHER");
          }
          defs.put(kv[0], expand(kv[1], defs));
          break;
        }
        case "REQUIRE": {
          String rest = cmd[1];
          String name;
          if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            if (end < 0) {
              throw fail(id, n, "unterminated requirement name");
            }
            name = rest.substring(1, end);
            rest = rest.substring(end + 1).strip();
          } else {
            String[] a = rest.split("\\s+", 2);
            if (a.length != 2) {
              throw fail(id, n, "expected REQUIRE NAME KEY HOURS MATCHER");
            }
            name = a[0];
            rest = a[1];
          }
          String[] a = rest.split("\\s+", 3);
          if (a.length != 3) {
            throw fail(id, n, "expected REQUIRE NAME KEY HOURS MATCHER");
          }
          int hours;
          try {
            hours = Integer.parseInt(a[1]);
          } catch (NumberFormatException e) {
            throw fail(id, n, "REQ_HOURS must be an integer, got '" + a[1] + "'");
          }
          Filter f;
          try {
            f = matcher(expand(a[2], defs));
          } catch (IllegalArgumentException e) {
            throw fail(id, n, e.getMessage());
          }
          reqs.put(a[0], Requirement.credits(a[0], BigDecimal.valueOf(hours), f));
          names.put(name, a[0]);
          break;
        }
        case "GROUP": {
          List<String> g = new ArrayList<>();
          for (String k : cmd[1].split("\\s+")) {
            if (!reqs.containsKey(k)) {
              throw fail(id, n, "requirement " + k + " not found");
            }
            g.add(k);
          }
          groups.add(g);
          break;
        }
        default:
          throw fail(id, n, "unknown command " + cmd[0]);
      }
    }
    List<Requirement> groupNodes = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      List<Requirement> kids = new ArrayList<>();
      for (String k : groups.get(g)) {
        if (!used.add(k)) {
          throw new StackingException(StackingErrorCode.TRANSLATION_FAILED,
              id + ": requirement " + k + " is in more than one GROUP");
        }
        kids.add(reqs.get(k));
      }
      groupNodes.add(Requirement.allOf("group" + (g + 1), kids.toArray(new Requirement[0])));
    }
    for (String k : reqs.keySet()) {
      if (!used.contains(k)) {
        throw new StackingException(StackingErrorCode.TRANSLATION_FAILED,
            id + ": requirement " + k + " is in no GROUP (every REQUIRE must be grouped)");
      }
    }
    Rules.Builder b = Rules.builder(id).unit(UNIT)
        .requirement(Requirement.allOf("degree", groupNodes.toArray(new Requirement[0])));
    for (int x = 0; x < groupNodes.size(); x++) {
      for (int y = x + 1; y < groupNodes.size(); y++) {
        b.allowDoubleCounting(groupNodes.get(x).id(), groupNodes.get(y).id());
      }
    }
    Map<String, String> paths = new LinkedHashMap<>();
    for (var e : names.entrySet()) {
      for (int g = 0; g < groups.size(); g++) {
        if (groups.get(g).contains(e.getValue())) {
          paths.put(e.getKey(), "$/group" + (g + 1) + "/" + e.getValue());
        }
      }
    }
    return new ReqRules(b.build(), paths);
  }

  private static StackingException fail(String id, int line, String msg) {
    return new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": line " + line + ": " + msg);
  }

  private static String expand(String s, Map<String, String> defs) {
    for (var e : defs.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  /**
   * The course tag used by translated filters ({@code course:CS 4341}).
   *
   * @param course course name
   * @return tag
   */
  public static String courseTag(String course) {
    return "course:" + course;
  }

  /** Parses a Nebula matcher expression into a filter. */
  static Filter matcher(String s) {
    int[] pos = {0};
    Filter f = parse(s.strip(), pos);
    if (pos[0] != s.strip().length()) {
      throw new IllegalArgumentException("unexpected text after matcher at column " + (pos[0] + 1) + ": '"
          + s.strip().substring(pos[0]) + "'");
    }
    return f;
  }

  private static Filter parse(String s, int[] pos) {
    int open = s.indexOf('(', pos[0]);
    if (open < 0) {
      throw new IllegalArgumentException("expected MATCHER(ARGS) at column " + (pos[0] + 1));
    }
    String type = s.substring(pos[0], open).strip();
    pos[0] = open + 1;
    List<Filter> subs = new ArrayList<>();
    List<String> args = new ArrayList<>();
    boolean nested = Set.of("And", "Or", "Not").contains(type);
    while (pos[0] < s.length() && s.charAt(pos[0]) != ')') {
      if (nested) {
        subs.add(parse(s, pos));
      } else {
        int end = pos[0];
        while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != ')') {
          end++;
        }
        args.add(s.substring(pos[0], end).strip());
        pos[0] = end;
      }
      if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
        pos[0]++;
      }
    }
    if (pos[0] >= s.length()) {
      throw new IllegalArgumentException("missing ')' for " + type);
    }
    pos[0]++;
    switch (type) {
      case "And":
        return Filter.builder().allOf(subs).build();
      case "Or":
        return Filter.builder().anyOf(subs).build();
      case "Not":
        if (subs.size() != 1) {
          throw new IllegalArgumentException("'Not' matcher only takes one argument");
        }
        return Filter.builder().noneOf(subs).build();
      case "Any":
        return Filter.ANY;
      case "NameList": {
        List<String> tags = new ArrayList<>();
        for (String a : args) {
          Matcher m = COURSE.matcher(a);
          if (!m.matches()) {
            throw new IllegalArgumentException("unable to parse course name '" + a + "' in NameList");
          }
          tags.add(courseTag(m.group(1).strip() + " " + m.group(2).toUpperCase(Locale.ROOT)));
        }
        return Filter.builder().tags(tags.toArray(new String[0])).build();
      }
      case "Level": {
        List<Filter> alts = new ArrayList<>();
        for (String a : args) {
          if (!a.matches("\\d")) {
            throw new IllegalArgumentException("invalid Level argument '" + a + "'");
          }
          int l = Integer.parseInt(a);
          alts.add(Filter.builder().minLevel(l).maxLevel(l).build());
        }
        return Filter.builder().anyOf(alts).build();
      }
      case "Department":
        if (args.size() != 1) {
          throw new IllegalArgumentException("'Department' matcher takes one argument");
        }
        return Filter.builder().subjects(args.get(0)).build();
      default:
        throw new IllegalArgumentException("unsupported matcher type '" + type + "'");
    }
  }

  /**
   * A Nebula validator input ({@code courses} + {@code bypasses}) translated for the rules of its degree: each course a
   * credential (id and {@code course:} tag = course name, subject = department); a bypass {@code (course,
   * requirement, hours)} pre-assigns hours, so the requirement's minimum is lowered by them and, within the
   * requirement's group, the course keeps only its remaining hours (the bypassed hours become a separate credential
   * {@code "COURSE#bypass"} that the group's requirements do not accept).
   *
   * @param rules the translated rules of the degree
   * @param json the validator input
   * @return the adjusted rules and the transcript
   * @throws StackingException {@link StackingErrorCode#TRANSLATION_FAILED} naming the JSON path
   */
  public static Map.Entry<Rules, Transcript> validatorInput(ReqRules rules, String json) throws StackingException {
    JsonNode root = Json.parse(json, StackingErrorCode.TRANSLATION_FAILED, "",
        "a Nebula section list (a few levels deep)");
    Json j = new Json();
    Map<String, Credential.Builder> courses = new LinkedHashMap<>();
    Map<String, BigDecimal> hours = new LinkedHashMap<>();
    JsonNode cs = root.path("courses");
    if (!cs.isArray()) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, "$.courses: expected an array");
    }
    for (int i = 0; i < cs.size(); i++) {
      String p = "$.courses[" + i + "]";
      JsonNode c = cs.get(i);
      String name = j.text(c, "name", p, null);
      BigDecimal h = j.number(c, "hours", p, null);
      courses.put(name, Credential.builder(name).credits(h, UNIT).level(j.integer(c, "level", p, 0))
          .subjects(j.text(c, "department", p, "")).tags(courseTag(name)).issuer("UTD"));
      hours.put(name, h);
    }
    Rules r = rules.rules();
    Map<String, BigDecimal> lower = new LinkedHashMap<>();
    Map<String, List<String>> excludeIn = new LinkedHashMap<>();
    List<Credential> extra = new ArrayList<>();
    JsonNode bs = root.path("bypasses");
    for (int i = 0; i < bs.size(); i++) {
      String p = "$.bypasses[" + i + "]";
      JsonNode b = bs.get(i);
      String course = j.text(b, "course", p, null);
      String req = j.text(b, "requirement", p, null);
      BigDecimal h = j.number(b, "hours", p, null);
      if (!courses.containsKey(course)) {
        j.err(p + ".course", "course '" + course + "' is not in $.courses");
        continue;
      }
      String path = rules.names().get(req);
      if (path == null) {
        j.err(p + ".requirement", "unknown requirement '" + req + "'");
        continue;
      }
      lower.merge(path, h, BigDecimal::add);
      BigDecimal left = hours.get(course).subtract(h).max(BigDecimal.ZERO);
      hours.put(course, left);
      courses.get(course).credits(left, UNIT);
      Credential orig = courses.get(course).build();
      extra.add(Credential.builder(course + "#bypass").credits(h, UNIT).level(orig.level())
          .subjects(orig.subjects().toArray(new String[0])).tags(courseTag(course)).issuer("UTD").build());
      excludeIn.computeIfAbsent(path.substring(0, path.lastIndexOf('/')), x -> new ArrayList<>())
          .add(course + "#bypass");
    }
    if (!j.errors.isEmpty()) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, String.join("; ", j.errors));
    }
    List<Requirement> groups = new ArrayList<>();
    for (Requirement g : r.root().children()) {
      String gp = "$/" + g.id();
      List<Requirement> kids = new ArrayList<>();
      for (Requirement q : g.children()) {
        BigDecimal amount = q.amount().subtract(lower.getOrDefault(gp + "/" + q.id(), BigDecimal.ZERO))
            .max(BigDecimal.ZERO);
        Filter f = q.filter();
        List<String> ex = excludeIn.get(gp);
        if (ex != null) {
          f = Filter.builder().allOf(List.of(f)).noneOf(List.of(Filter.builder().credentials(Set.copyOf(ex))
              .build())).build();
        }
        kids.add(Requirement.credits(q.id(), amount, f));
      }
      groups.add(Requirement.allOf(g.id(), kids.toArray(new Requirement[0])));
    }
    Rules adjusted = new Rules(r.id(), r.title(), r.unit(), Requirement.allOf(r.root().id(),
        groups.toArray(new Requirement[0])), r.definitions(), r.constraints(), r.doubleCounting()).validated();
    List<Credential> out = new ArrayList<>();
    courses.values().forEach(b -> out.add(b.build()));
    out.addAll(extra);
    return Map.entry(adjusted, new Transcript(out));
  }

  /**
   * Translates a Nebula JSON degree plan ({@code degree_data/YEAR/NAME.json}).
   *
   * @param id rules id
   * @param json the degree plan
   * @param imports resolves {@code "@import FILE"} values to requirements (e.g. the Texas core curriculum)
   * @return the rules
   * @throws StackingException {@link StackingErrorCode#TRANSLATION_FAILED} naming the JSON path of the fault
   */
  public static Rules fromDegreeJson(String id, String json, Function<String, Optional<Requirement>> imports)
      throws StackingException {
    JsonNode root = Json.parse(json, StackingErrorCode.TRANSLATION_FAILED, id + ": ", "a Nebula degree plan");
    JsonNode reqs = root.path("requirements");
    if (!reqs.isObject()) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": $.requirements: expected an object");
    }
    List<Requirement> parts = new ArrayList<>();
    var it = reqs.fields();
    while (it.hasNext()) {
      var e = it.next();
      String path = "$.requirements." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isTextual() && v.asText().startsWith("@import ")) {
        String file = v.asText().substring("@import ".length()).strip();
        Requirement imp = imports.apply(file).orElseThrow(() -> new StackingException(
            StackingErrorCode.TRANSLATION_FAILED, id + ": " + path + ": '@import " + file
            + "' cannot be resolved (no such file provided)"));
        parts.add(new Requirement(imp.kind(), e.getKey(), imp.children(), imp.n(), imp.amount(), imp.filter(),
            imp.ref()));
      } else if (v.isArray()) {
        List<Requirement> kids = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
          kids.add(node(id, v.get(i), path + "[" + i + "]"));
        }
        parts.add(Requirement.allOf(e.getKey(), kids.toArray(new Requirement[0])));
      } else {
        throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path
            + ": expected an array of requirements or an \"@import FILE\" string");
      }
    }
    Rules.Builder b = Rules.builder(id).title(root.path("display_name").asText(id)).unit(UNIT)
        .requirement(Requirement.allOf("degree", parts.toArray(new Requirement[0])));
    if (root.has("minimum_credit_hours")) {
      b.totalCredits(hours(id, root, "minimum_credit_hours", "$"));
    }
    try {
      return b.build();
    } catch (StackingException e) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + e.getMessage(), e);
    }
  }

  private static Requirement node(String id, JsonNode o, String path) throws StackingException {
    String type = o.path("matcher").asText("");
    String nodeId = o.path("metadata").path("id").asText("").replaceAll("[^A-Za-z0-9_.-]+", "_");
    switch (type) {
      case "CourseRequirement":
        return Requirement.credential(nodeId, text(id, o, "course", path));
      case "AndRequirement":
      case "OrRequirement":
      case "SelectRequirement": {
        JsonNode a = o.path("requirements");
        if (!a.isArray()) {
          throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path
              + ".requirements: expected an array");
        }
        Requirement[] kids = new Requirement[a.size()];
        for (int i = 0; i < a.size(); i++) {
          kids[i] = node(id, a.get(i), path + ".requirements[" + i + "]");
        }
        if (type.equals("AndRequirement")) {
          return Requirement.allOf(nodeId, kids);
        } else if (type.equals("OrRequirement")) {
          return Requirement.anyOf(nodeId, kids);
        }
        int n = o.path("required_count").asInt(-1);
        if (n < 0 || n > kids.length) {
          throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path
              + ".required_count: " + o.path("required_count") + " is not within 0.." + kids.length);
        }
        return Requirement.nOf(nodeId, n, kids);
      }
      case "HoursRequirement": {
        List<Filter> alts = new ArrayList<>();
        JsonNode a = o.path("requirements");
        for (int i = 0; i < a.size(); i++) {
          alts.add(leafFilter(id, a.get(i), path + ".requirements[" + i + "]"));
        }
        return Requirement.credits(nodeId, hours(id, o, "required_hours", path),
            Filter.builder().anyOf(alts).build());
      }
      case "FreeElectiveRequirement": {
        List<String> ex = new ArrayList<>();
        o.path("excluded_courses").forEach(x -> ex.add(x.isTextual() ? x.asText() : x.path("course").asText()));
        Filter f = ex.isEmpty() ? Filter.ANY
            : Filter.builder().noneOf(List.of(Filter.builder().credentials(Set.copyOf(ex)).build())).build();
        return Requirement.credits(nodeId, hours(id, o, "required_hours", path), f);
      }
      case "PrefixBucketRequirement":
        return Requirement.credits(nodeId, BigDecimal.ZERO,
            Filter.builder().subjects(text(id, o, "prefix", path)).build());
      case "CSGuidedElectiveRequirement": {
        List<Filter> alts = new ArrayList<>();
        alts.add(Filter.builder().idPrefixes(text(id, o, "starts_with", path)).build());
        JsonNode a = o.path("also_fulfills");
        for (int i = 0; i < a.size(); i++) {
          alts.add(leafFilter(id, a.get(i), path + ".also_fulfills[" + i + "]"));
        }
        return Requirement.count(nodeId, o.path("required_count").asInt(), Filter.builder().anyOf(alts).build());
      }
      case "PsychologyPrefixesOrCourses": {
        List<String> courses = new ArrayList<>();
        o.path("accepted_courses").forEach(x -> courses.add(x.asText()));
        List<String> prefixes = new ArrayList<>();
        o.path("accepted_prefixes").forEach(x -> prefixes.add(x.asText()));
        return Requirement.credits(nodeId, hours(id, o, "required_hours", path), Filter.builder().anyOf(List.of(
            Filter.builder().credentials(Set.copyOf(courses)).build(),
            Filter.builder().subjects(prefixes.toArray(new String[0])).build())).build());
      }
      default:
        throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path + ".matcher: unsupported"
            + " requirement type '" + type + "'");
    }
  }

  private static Filter leafFilter(String id, JsonNode o, String path) throws StackingException {
    String type = o.path("matcher").asText("");
    switch (type) {
      case "CourseRequirement":
        return Filter.builder().credentials(text(id, o, "course", path)).build();
      case "PrefixBucketRequirement":
        return Filter.builder().subjects(text(id, o, "prefix", path)).build();
      case "OrRequirement":
      case "AndRequirement": {
        List<Filter> alts = new ArrayList<>();
        JsonNode a = o.path("requirements");
        for (int i = 0; i < a.size(); i++) {
          alts.add(leafFilter(id, a.get(i), path + ".requirements[" + i + "]"));
        }
        return Filter.builder().anyOf(alts).build();
      }
      default:
        throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path + ".matcher: '" + type
            + "' is not supported inside an hours requirement");
    }
  }

  /** A non-negative number of hours, refused (never expanded) beyond the range of a stacking amount. */
  private static BigDecimal hours(String id, JsonNode o, String f, String path) throws StackingException {
    JsonNode v = o.get(f);
    if (v == null || !v.isNumber() || v.decimalValue().signum() < 0) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path + "." + f
          + ": expected a non-negative number, got " + (v == null ? "nothing" : v.getNodeType().toString()));
    }
    BigDecimal d = v.decimalValue();
    if (!Amounts.inRange(d)) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path + "." + f
          + ": number out of range (at most " + Amounts.MAX_DIGITS
          + " integer and decimal digits): " + Amounts.brief(d));
    }
    return d;
  }

  private static String text(String id, JsonNode o, String f, String path) throws StackingException {
    JsonNode v = o.get(f);
    if (v == null || !v.isTextual()) {
      throw new StackingException(StackingErrorCode.TRANSLATION_FAILED, id + ": " + path + "." + f
          + ": expected a string");
    }
    return v.asText();
  }
}
