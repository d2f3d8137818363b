package org.gfd.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.error.Messages;
import org.gfd.model.Factor;
import org.gfd.model.IndexKind;
import org.gfd.model.LinearConstraint;
import org.gfd.model.Model;
import org.gfd.model.FaceName;
import org.gfd.model.RegimeRoles;
import org.gfd.model.Species;
import org.gfd.model.TensorTerm;

/**
 * Reads models written in the model language (grammar: {@code grammar/org/gfd/lang/GfdModel.g4};
 * the README's "Writing your own model" describes it) into {@link Model}s: the built-in models,
 * shipped as resources, and users' files go through the same code. All errors are
 * {@link InputException}s whose message starts with {@code FILE:LINE:COLUMN}; a model is returned
 * only when the whole file has been read without error, so nothing half-built escapes.
 * Stateless; each call builds its own state.
 */
public final class ModelLoader {
  /** The built-in models, in the order {@code gfd models} lists them. */
  public static final List<String> BUILT_INS = List.of("cp", "cp-zero", "cp-modular", "cp-symmetric", "cp-symmetric-zero", "autoencoder");
  /** The verbs a {@code query} statement may run. */
  static final List<String> QUERY_VERBS = List.of("series", "diagrams", "regimes", "verify", "solve", "eval", "report", "simulate", "compare");
  /** The options that choose a model, refused in a query (the model is the file's). */
  private static final Set<String> MODEL_OPTIONS = Set.of("--model", "--nu", "--symmetric", "--target", "--param");
  /** The most copies a power or a family loop makes, and the most members a family has. */
  static final int MAX_REPEAT = 1000;

  private ModelLoader() {}

  /**
   * The built-in model {@code name} with its parameters ({@code let} statements) set from
   * {@code settings}.
   *
   * @throws InputException for an unknown name or a parameter the model does not have
   */
  public static Model builtIn(String name, Map<String, Integer> settings) {
    return parse(builtInText(name), "model " + name, settings);
  }

  /** The source text of the built-in model {@code name}. */
  public static String builtInText(String name) {
    if (!BUILT_INS.contains(name)) {
      throw new InputException("no built-in model " + Messages.quote(name) + "; the built-in models are " + String.join(", ", BUILT_INS));
    }
    try (InputStream in = ModelLoader.class.getResourceAsStream("/models/" + name + ".gfd")) {
      if (in == null) {
        throw new IllegalStateException("built-in model " + name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in model " + name, e);
    }
  }

  /** The first comment line of a built-in model: what {@code gfd models} prints beside its name. */
  public static String summary(String name) {
    for (String line : builtInText(name).split("\n")) {
      if (line.startsWith("#")) {
        return line.substring(1).strip();
      }
    }
    return "";
  }

  /**
   * The model in the file {@code path}.
   *
   * @throws InputException when the file cannot be read or is not a valid model
   */
  public static Model file(Path path, Map<String, Integer> settings) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
    } catch (NoSuchFileException e) {
      throw new InputException("cannot read model file " + Messages.quote(path.toString()) + ": no such file");
    } catch (CharacterCodingException e) {
      throw new InputException("cannot read model file " + Messages.quote(path.toString()) + ": not UTF-8 text");
    } catch (IOException e) {
      throw new InputException("cannot read model file " + Messages.quote(path.toString()) + ": " + e.getMessage());
    }
    return parse(text, path.toString(), settings);
  }

  /**
   * The model written in {@code text}.
   *
   * @param file the name messages give the text (a path, or {@code model NAME})
   * @param settings values for the model's {@code let} parameters; each must be declared
   * @throws InputException with {@code FILE:LINE:COLUMN} for every syntax or meaning error
   */
  public static Model parse(String text, String file, Map<String, Integer> settings) {
    GfdModelLexer lexer = new GfdModelLexer(CharStreams.fromString(text, file));
    GfdModelParser parser = new GfdModelParser(new CommonTokenStream(lexer));
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
    parser.addErrorListener(new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
          RecognitionException e) {
        throw new Place(file, line, column + 1).error("syntax error: " + msg);
      }
    });
    GfdModelParser.FileContext tree = parser.file();
    return new Reader(file, settings).read(tree);
  }

  /** The meaning of one file's statements, read in order. */
  private static final class Reader {
    private final String file;
    private final Map<String, Integer> settings;
    private final Set<String> settingsUsed = new LinkedHashSet<>();
    private String name;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Integer> lets = new LinkedHashMap<>();
    private final Map<String, IndexKind> kinds = new LinkedHashMap<>();
    private final Map<String, Species> species = new LinkedHashMap<>();
    /** Family base names ({@code U} of {@code U{m}}) to their member range. */
    private final Map<String, int[]> families = new HashMap<>();
    private final Set<String> symbols = new LinkedHashSet<>();
    private final Map<String, Definition> tensors = new HashMap<>();
    private List<TensorTerm> loss;
    private final Map<String, List<TensorTerm>> observables = new LinkedHashMap<>();
    private RegimeRoles regimeRoles;
    private final List<FaceName> faceNames = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    /** Fresh names and kinds of summed labels, shared by the whole file (defined tensors carry theirs into their uses). */
    private final TensorExpression.Fresh fresh = new TensorExpression.Fresh();

    /** A {@code tensor} statement: its head labels and its body with them free. */
    private record Definition(List<String> head, TensorExpression body) {}

    Reader(String file, Map<String, Integer> settings) {
      this.file = file;
      this.settings = settings;
    }

    Place at(ParserRuleContext ctx) {
      return at(ctx.getStart());
    }

    Place at(Token t) {
      return new Place(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    Model read(GfdModelParser.FileContext tree) {
      for (GfdModelParser.StatementContext st : tree.statement()) {
        statement(st);
      }
      Place end = at(tree.getStop());
      for (String s : settings.keySet()) {
        if (!settingsUsed.contains(s)) {
          throw new InputException(file + ": the model has no parameter " + Messages.quote(s)
              + (lets.isEmpty() ? " (it has none)" : "; its parameters are " + String.join(", ", lets.keySet())));
        }
      }
      if (name == null) {
        throw end.error("the file has no 'model NAME' statement");
      }
      if (loss == null) {
        throw end.error("the model has no loss: add 'loss = ...'");
      }
      Map<String, Object> params = new LinkedHashMap<>(lets);
      params.putAll(parameters);
      return new Model(name, params, List.copyOf(species.values()), loss, observables, Optional.ofNullable(regimeRoles),
          queries, faceNames);
    }

    void statement(GfdModelParser.StatementContext st) {
      if (st instanceof GfdModelParser.ModelStatementContext m) {
        if (name != null) {
          throw at(m).error("a second 'model' statement: one file holds one model");
        }
        name = m.NAME().getText();
        if (m.settings() != null) {
          for (GfdModelParser.SettingContext s : m.settings().setting()) {
            String key = s.NAME(0).getText();
            String value = s.getChild(2).getText();
            Object v = value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE
                : s.INT() != null ? (Object) Integer.valueOf(value) : value;
            if (parameters.put(key, v) != null) {
              throw at(s).error("the setting " + key + " is given twice");
            }
          }
        }
      } else if (st instanceof GfdModelParser.LetStatementContext l) {
        String key = l.NAME().getText();
        declareName(key, at(l));
        int value = integer(l.INT(0).getSymbol());
        boolean given = settings.containsKey(key);
        if (given) {
          value = settings.get(key);
          settingsUsed.add(key);
        }
        if (l.INT().size() == 3) {
          int low = integer(l.INT(1).getSymbol());
          int high = integer(l.INT(2).getSymbol());
          if (value < low || value > high) {
            String message = "parameter " + key + " must be between " + low + " and " + high + ", got " + value;
            throw given ? new InputException(file + ": " + message) : at(l).error(message);
          }
        }
        lets.put(key, value);
      } else if (st instanceof GfdModelParser.IndexStatementContext ix) {
        for (var n : ix.NAME()) {
          String k = n.getText();
          declareName(k, at(n.getSymbol()));
          kinds.put(k, new IndexKind(k, Variable.of(k)));
        }
      } else if (st instanceof GfdModelParser.GaussianStatementContext g) {
        gaussian(g);
      } else if (st instanceof GfdModelParser.ConstStatementContext c) {
        constant(c);
      } else if (st instanceof GfdModelParser.TensorStatementContext t) {
        String n = t.NAME(0).getText();
        declareName(n, at(t));
        List<String> head = new ArrayList<>();
        for (int k = 1; k < t.NAME().size(); k++) {
          String label = t.NAME(k).getText();
          if (head.contains(label)) {
            throw at(t.NAME(k).getSymbol()).error("index " + label + " appears twice in the head of tensor " + n);
          }
          head.add(label);
        }
        TensorExpression body = expr(t.expr(), Map.of());
        if (!new LinkedHashSet<>(body.free).equals(new LinkedHashSet<>(head))) {
          throw at(t.expr()).error("tensor " + n + "[" + String.join(", ", head) + "] is defined by an expression with free indices "
              + TensorExpression.shown(body.free));
        }
        tensors.put(n, new Definition(head, body));
      } else if (st instanceof GfdModelParser.LossStatementContext l) {
        if (loss != null) {
          throw at(l).error("a second 'loss' statement: the model has one loss");
        }
        loss = scalar(l.expr(), "the loss");
      } else if (st instanceof GfdModelParser.ObservableStatementContext o) {
        String n = o.NAME().getText();
        if (n.equals(Model.LOSS) || observables.containsKey(n)) {
          throw at(o).error("the observable name " + n + " is already taken");
        }
        observables.put(n, scalar(o.expr(), "observable " + n));
      } else if (st instanceof GfdModelParser.RegimesStatementContext r) {
        regimes(r);
      } else if (st instanceof GfdModelParser.QueryStatementContext q) {
        query(q);
      } else if (st instanceof GfdModelParser.FaceStatementContext f) {
        face(f);
      }
    }

    /**
     * {@code query "verify --scale H=p^2,sigma2=p^(-3/2)"}: the arguments of a verb that studies a
     * model, run on this one by {@code gfd run}; the model is the file's, so options that choose a
     * model are refused here.
     */
    void query(GfdModelParser.QueryStatementContext q) {
      String text = q.STRING().getText();
      String line = text.substring(1, text.length() - 1).strip();
      List<String> words = line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
      Place where = at(q.STRING().getSymbol());
      if (words.isEmpty() || !QUERY_VERBS.contains(words.get(0))) {
        throw where.error("a query starts with a verb that studies a model (" + String.join(", ", QUERY_VERBS)
            + "), not " + Messages.quote(words.isEmpty() ? "" : words.get(0)));
      }
      for (String w : words) {
        String option = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
        if (MODEL_OPTIONS.contains(option)) {
          throw where.error("a query runs on this file's model: " + option + " has no place in it");
        }
      }
      queries.add(String.join(" ", words));
    }

    /** {@code face "large data" (n = 1)}: a name for the regime reached in that direction of the sizes' exponents. */
    void face(GfdModelParser.FaceStatementContext f) {
      String text = f.STRING().getText();
      String name = text.substring(1, text.length() - 1).strip();
      if (name.isEmpty()) {
        throw at(f.STRING().getSymbol()).error("a face needs a name");
      }
      Map<Variable, Integer> direction = new LinkedHashMap<>();
      for (GfdModelParser.FaceStepContext step : f.faceStep()) {
        IndexKind kind = kinds.get(step.NAME().getText());
        String n = step.NAME().getText();
        Variable size = kind != null ? kind.size() : symbols.contains(n) ? Variable.of(n) : null;
        if (size == null) {
          throw at(step.NAME().getSymbol()).error("unknown size " + n + " (a face moves the sizes " + String.join(", ", kinds.keySet())
              + (symbols.isEmpty() ? "" : " or the symbols " + String.join(", ", symbols)) + ")");
        }
        int k;
        try {
          k = Integer.parseInt(step.INT().getText()) * (step.sign == null ? 1 : -1);
        } catch (NumberFormatException e) {
          throw at(step.INT().getSymbol()).error("the step " + step.INT().getText() + " is too large");
        }
        if (k == 0 || direction.put(size, k) != null) {
          throw at(step).error(k == 0 ? "a step of 0 moves nothing: leave the size out" : size.name() + " is given twice");
        }
      }
      for (FaceName other : faceNames) {
        if (other.name().equals(name)) {
          throw at(f.STRING().getSymbol()).error("the face name " + Messages.quote(name) + " is given twice");
        }
      }
      faceNames.add(new FaceName(name, direction));
    }

    /**
     * {@code regimes (target = p, components = H)}: the sizes whose monomials are the target's
     * share of the loss (a product, {@code p * n}) and the size counting independent components.
     */
    void regimes(GfdModelParser.RegimesStatementContext r) {
      if (regimeRoles != null) {
        throw at(r).error("a second 'regimes' statement: the model names its regimes once");
      }
      Set<Variable> target = null;
      Variable components = null;
      for (GfdModelParser.RegimeRoleContext role : r.regimeRole()) {
        String key = role.NAME(0).getText();
        List<Variable> sizes = new ArrayList<>();
        for (TerminalNode size : role.NAME().subList(1, role.NAME().size())) {
          IndexKind kind = kinds.get(size.getText());
          if (kind == null) {
            throw at(size.getSymbol()).error("unknown size " + size.getText() + " (the sizes are the index kinds: "
                + String.join(", ", kinds.keySet()) + ")");
          }
          sizes.add(kind.size());
        }
        if (key.equals("target")) {
          if (target != null) {
            throw at(role).error("target is given twice");
          }
          target = new LinkedHashSet<>(sizes);
        } else if (key.equals("components")) {
          if (components != null || sizes.size() != 1) {
            throw at(role).error(components != null ? "components is given twice" : "components is one size, not a product");
          }
          components = sizes.get(0);
        } else {
          throw at(role).error("unknown role " + key + ": the roles are target (a product of sizes) and components (one size)");
        }
      }
      if (target == null || components == null) {
        throw at(r).error("regimes needs both roles: target = SIZES, components = SIZE");
      }
      regimeRoles = new RegimeRoles(target, components);
    }

    void declareName(String n, Place at) {
      if (n.equals("delta") || lets.containsKey(n) || kinds.containsKey(n) || species.containsKey(n) || families.containsKey(n)
          || tensors.containsKey(n) || symbols.contains(n)) {
        throw at.error("the name " + n + " is already taken");
      }
    }

    int integer(Token t) {
      try {
        return Integer.parseInt(t.getText());
      } catch (NumberFormatException e) {
        throw at(t).error("the integer " + Messages.quote(t.getText()) + " is too large");
      }
    }

    void gaussian(GfdModelParser.GaussianStatementContext g) {
      boolean trainable = g.role.getText().equals("param");
      GfdModelParser.DistributionContext d = g.distribution();
      if (!d.NAME().getText().equals("N") || d.expr().size() != 2) {
        throw at(d).error("tensors are Gaussian: write ~ N(0, variance), not " + Messages.quote(d.getText()));
      }
      String familyVar = g.family() == null ? null : g.family().NAME().getText();
      int[] range = null;
      if (familyVar != null) {
        range = new int[] {bound(g.family().bound(0), Map.of()), bound(g.family().bound(1), Map.of())};
        if ((long) range[1] - range[0] >= MAX_REPEAT) {
          throw at(g.family()).error("a tensor family may have at most " + MAX_REPEAT + " members, got " + range[0] + ".." + range[1]);
        }
      }
      for (GfdModelParser.TensorDeclContext decl : g.tensorDecl()) {
        String base = decl.NAME(0).getText();
        boolean member = decl.getChild(1).getText().equals("{");
        List<IndexKind> legs = new ArrayList<>();
        for (int k = member ? 2 : 1; k < decl.NAME().size(); k++) {
          IndexKind kind = kinds.get(decl.NAME(k).getText());
          if (kind == null) {
            throw at(decl.NAME(k).getSymbol()).error("unknown index kind " + decl.NAME(k).getText()
                + " (declare it first: index " + decl.NAME(k).getText() + ")");
          }
          legs.add(kind);
        }
        if (member != (familyVar != null)) {
          throw at(decl).error(member ? "tensor family " + base + "{" + decl.NAME(1).getText() + "} needs 'for "
              + decl.NAME(1).getText() + " in FROM..TO' at the end of the statement"
              : "tensor " + base + " has no {" + familyVar + "} but the statement ends with 'for " + familyVar + " in ...'");
        }
        declareName(base, at(decl));
        if (member) {
          if (!decl.NAME(1).getText().equals(familyVar)) {
            throw at(decl).error("tensor family " + base + " is indexed by " + decl.NAME(1).getText() + " but the loop is over " + familyVar);
          }
          families.put(base, range);
          for (int m = range[0]; m <= range[1]; m++) {
            addSpecies(base + m, legs, trainable, d, Map.of(familyVar, m), decl);
          }
        } else {
          addSpecies(base, legs, trainable, d, Map.of(), decl);
        }
      }
    }

    void addSpecies(String n, List<IndexKind> legs, boolean trainable, GfdModelParser.DistributionContext d,
        Map<String, Integer> env, ParserRuleContext where) {
      if (species.containsKey(n)) {
        throw at(where).error("the name " + n + " is already taken");
      }
      TensorExpression mean = expr(d.expr(0), env, true);
      if (!mean.isScalar() || mean.terms.stream().anyMatch(t -> !t.coefficient().isZero())) {
        throw at(d.expr(0)).error("tensors are centred Gaussians: the mean must be 0, got " + Messages.quote(d.expr(0).getText()));
      }
      TensorExpression variance = expr(d.expr(1), env, true);
      if (!variance.isScalar() || variance.terms.size() != 1 || !variance.terms.get(0).coefficient().equals(Rational.ONE)) {
        throw at(d.expr(1)).error("a variance must be a product of powers of symbols, such as sigma2 or 1, got "
            + Messages.quote(d.expr(1).getText()));
      }
      species.put(n, new Species(n, legs, trainable, variance.terms.get(0).scalar()));
    }

    /**
     * {@code const A[a, b, c : p] = [a + b = c mod p]}: a constant tensor of legs of kind {@code p}
     * that is 1 where every equation holds modulo the size {@code p}, 0 elsewhere.
     */
    void constant(GfdModelParser.ConstStatementContext c) {
      List<TerminalNode> names = c.NAME();
      String n = names.get(0).getText();
      TerminalNode kindName = names.get(names.size() - 1);
      IndexKind kind = kinds.get(kindName.getText());
      if (kind == null) {
        throw at(kindName.getSymbol()).error("unknown index kind " + kindName.getText()
            + " (declare it first: index " + kindName.getText() + ")");
      }
      List<String> legs = new ArrayList<>();
      for (TerminalNode leg : names.subList(1, names.size() - 1)) {
        if (legs.contains(leg.getText())) {
          throw at(leg.getSymbol()).error("index " + leg.getText() + " appears twice in constant tensor " + n);
        }
        legs.add(leg.getText());
      }
      List<List<Integer>> rows = new ArrayList<>();
      for (GfdModelParser.ConstraintContext eq : c.constraint()) {
        if (!eq.NAME().getText().equals(kind.name())) {
          throw at(eq.NAME().getSymbol()).error("the equations of " + n + " are modulo the size of its legs' kind, "
              + kind.name() + ": write 'mod " + kind.name() + "', not 'mod " + eq.NAME().getText() + "'");
        }
        long[] row = new long[legs.size()];
        addLinear(row, legs, eq.linear(0), 1, n);
        addLinear(row, legs, eq.linear(1), -1, n);
        if (Arrays.stream(row).allMatch(x -> x == 0)) {
          throw at(eq).error("the equation " + Messages.quote(source(eq)) + " of " + n + " holds for every index: it has no unknown left");
        }
        List<Integer> coefficients = new ArrayList<>();
        for (long x : row) {
          if (Math.abs(x) > MAX_REPEAT) {
            throw at(eq).error("a coefficient of an equation of " + n + " may be at most " + MAX_REPEAT + " in size");
          }
          coefficients.add((int) x);
        }
        rows.add(coefficients);
      }
      declareName(n, at(c));
      species.put(n, Species.constant(n, Collections.nCopies(legs.size(), kind), new LinearConstraint(rows)));
    }

    /** The text of {@code ctx} as the file has it, spaces included. */
    static String source(ParserRuleContext ctx) {
      return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }

    /** Adds {@code sign} times the linear form {@code l} to {@code row}, one coefficient per leg. */
    void addLinear(long[] row, List<String> legs, GfdModelParser.LinearContext l, int sign, String tensor) {
      List<GfdModelParser.LinearTermContext> terms = l.linearTerm();
      for (int i = 0; i < terms.size(); i++) {
        GfdModelParser.LinearTermContext t = terms.get(i);
        boolean minus = i == 0 ? l.sign != null && l.sign.getText().equals("-") : l.ops.get(i - 1).getText().equals("-");
        if (t.NAME() == null) {
          if (integer(t.INT().getSymbol()) != 0) {
            throw at(t).error("the equations of " + tensor + " are homogeneous: a constant term such as "
                + Messages.quote(t.getText()) + " is not supported");
          }
          continue;
        }
        int leg = legs.indexOf(t.NAME().getText());
        if (leg < 0) {
          throw at(t.NAME().getSymbol()).error("unknown index " + t.NAME().getText() + " in an equation of " + tensor
              + " (its indices are " + String.join(", ", legs) + ")");
        }
        long k = t.INT() == null ? 1 : integer(t.INT().getSymbol());
        row[leg] += (minus ? -sign : sign) * k;
      }
    }

    int bound(GfdModelParser.BoundContext b, Map<String, Integer> env) {
      if (b.INT() != null) {
        return integer(b.INT().getSymbol());
      }
      String n = b.NAME().getText();
      Integer v = env.containsKey(n) ? env.get(n) : lets.get(n);
      if (v == null) {
        throw at(b).error("unknown integer " + n + " (declare it with 'let " + n + " = ...')");
      }
      return v;
    }

    /** A scalar statement's expression as tensor terms. */
    List<TensorTerm> scalar(GfdModelParser.ExprContext e, String what) {
      TensorExpression value = expr(e, Map.of());
      if (!value.free.isEmpty()) {
        String l = value.free.get(0);
        throw value.freePlaces.get(l).error(what + " must be a scalar, but index " + l + " is left free (it appears once)");
      }
      List<TensorTerm> out = new ArrayList<>();
      for (TensorExpression.Flat t : value.terms) {
        if (!t.coefficient().isZero()) {
          out.add(term(t));
        }
      }
      return out;
    }

    /**
     * One flat term of a scalar as a {@link TensorTerm}: deltas merge labels, positive size powers
     * become free sums, and the rest of the monomial (negative powers, variances) is the scale.
     */
    TensorTerm term(TensorExpression.Flat t) {
      Map<String, String> parent = new HashMap<>();
      for (TensorExpression.Atom a : t.atoms()) {
        if (a.species() == null) {
          for (String l : a.labels()) {
            union(parent, a.labels().get(0), l);
          }
        }
      }
      Map<String, IndexKind> classKind = new HashMap<>();
      for (TensorExpression.Atom a : t.atoms()) {
        for (String l : a.labels()) {
          String root = find(parent, l);
          IndexKind k = fresh.kinds.get(l);
          IndexKind known = classKind.get(root);
          if (known != null && k != null && !known.equals(k)) {
            throw a.at().error("delta ties an index of kind " + known.name() + " to one of kind " + k.name());
          }
          if (k != null) {
            classKind.put(root, k);
          }
        }
      }
      List<Factor> factors = new ArrayList<>();
      Map<String, IndexKind> labelKinds = new LinkedHashMap<>();
      for (TensorExpression.Atom a : t.atoms()) {
        List<String> labels = new ArrayList<>();
        for (String l : a.labels()) {
          String root = find(parent, l);
          IndexKind k = classKind.get(root);
          if (k == null) {
            Place first = fresh.firstUse.get(l);
            throw (first == null ? a.at() : first).error("the kind of an index cannot be inferred: it is on no tensor leg");
          }
          labels.add(root);
          labelKinds.put(root, k);
        }
        if (a.species() != null) {
          factors.add(new Factor(a.species(), labels));
        }
      }
      // positive powers of sizes become free sums (as the hand-built models had them); the rest
      // of the monomial (1/n, variances) is the term's scale
      int free = 0;
      Monomial scale = Monomial.ONE;
      for (Map.Entry<Variable, Integer> e : t.scalar().powers().entrySet()) {
        IndexKind kind = kinds.get(e.getKey().name());
        if (kind == null || e.getValue() < 0) {
          scale = scale.multiply(Monomial.of(e.getKey(), e.getValue()));
          continue;
        }
        for (int j = 0; j < e.getValue(); j++) {
          labelKinds.put("$" + (free++), kind);
        }
      }
      return new TensorTerm(t.coefficient(), scale, factors, labelKinds);
    }

    static String find(Map<String, String> parent, String x) {
      String p = parent.getOrDefault(x, x);
      if (p.equals(x)) {
        return x;
      }
      String r = find(parent, p);
      parent.put(x, r);
      return r;
    }

    static void union(Map<String, String> parent, String a, String b) {
      String ra = find(parent, a);
      String rb = find(parent, b);
      if (!ra.equals(rb)) {
        parent.put(rb, ra);
      }
    }

    TensorExpression expr(GfdModelParser.ExprContext e, Map<String, Integer> env) {
      return expr(e, env, false);
    }

    /** With {@code declaring}, unknown plain names are new symbols (variances), not errors. */
    TensorExpression expr(GfdModelParser.ExprContext e, Map<String, Integer> env, boolean declaring) {
      List<TensorExpression> parts = new ArrayList<>();
      for (int k = 0; k < e.term().size(); k++) {
        TensorExpression t = term(e.term(k), env, declaring);
        parts.add(k > 0 && e.ops.get(k - 1).getText().equals("-") ? t.times(Rational.MINUS_ONE) : t);
      }
      return parts.size() == 1 ? parts.get(0) : TensorExpression.sum(parts, at(e));
    }

    TensorExpression term(GfdModelParser.TermContext t, Map<String, Integer> env, boolean declaring) {
      List<TensorExpression> factors = new ArrayList<>();
      factors.add(power(t.power(), env, declaring));
      for (GfdModelParser.FactorContext f : t.factor()) {
        TensorExpression x = power(f.power(), env, declaring);
        if (f.op != null && f.op.getText().equals("/")) {
          x = inverse(x, at(f.power()));
        }
        factors.add(x);
      }
      TensorExpression product = factors.size() == 1 ? factors.get(0) : TensorExpression.product(factors, at(t), fresh);
      return t.sign != null && t.sign.getText().equals("-") ? product.times(Rational.MINUS_ONE) : product;
    }

    TensorExpression inverse(TensorExpression x, Place at) {
      if (!x.isScalar() || x.terms.size() != 1 || x.terms.get(0).coefficient().isZero()) {
        throw at.error("one can divide only by a nonzero number or a product of powers of symbols");
      }
      TensorExpression.Flat f = x.terms.get(0);
      return TensorExpression.scalar(Rational.ONE.divide(f.coefficient()), f.scalar().pow(-1));
    }

    TensorExpression power(GfdModelParser.PowerContext p, Map<String, Integer> env, boolean declaring) {
      TensorExpression base = primary(p.primary(), env, declaring);
      if (p.exponent == null) {
        return base;
      }
      int k = bound(p.bound(), env);
      if (base.isScalar() && base.terms.size() == 1) {
        TensorExpression.Flat f = base.terms.get(0);
        if (k < 0 && f.coefficient().isZero()) {
          throw at(p).error("0 to a negative power");
        }
        Rational c = k >= 0 ? f.coefficient().pow(k) : Rational.ONE.divide(f.coefficient()).pow(-k);
        return TensorExpression.scalar(c, f.scalar().pow(k));
      }
      if (k < 0) {
        throw at(p).error("only a number or a product of symbols can have a negative power");
      }
      return repeat(base, k, at(p));
    }

    TensorExpression repeat(TensorExpression base, int k, Place at) {
      if (k > MAX_REPEAT) {
        throw at.error("a power of a tensor expression may be at most " + MAX_REPEAT + ", got " + k);
      }
      if (k == 0) {
        return TensorExpression.scalar(Rational.ONE, Monomial.ONE);
      }
      List<TensorExpression> copies = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        copies.add(base.copy(fresh));
      }
      return k == 1 ? copies.get(0) : TensorExpression.product(copies, at, fresh);
    }

    TensorExpression primary(GfdModelParser.PrimaryContext p, Map<String, Integer> env, boolean declaring) {
      if (p instanceof GfdModelParser.NumberContext n) {
        return TensorExpression.scalar(Rational.of(integer(n.INT().getSymbol())), Monomial.ONE);
      }
      if (p instanceof GfdModelParser.ParenthesizedContext q) {
        return expr(q.expr(), env, declaring);
      }
      if (p instanceof GfdModelParser.NormContext n) {
        if (!n.INT().getText().equals("2")) {
          throw at(n.INT().getSymbol()).error("only the squared norm |E|^2 is defined");
        }
        return repeat(expr(n.expr(), env, declaring), 2, at(n));
      }
      if (p instanceof GfdModelParser.LoopContext l) {
        String var = l.NAME().getText();
        if (env.containsKey(var) || lets.containsKey(var)) {
          throw at(l).error("the loop variable " + var + " hides another integer of that name");
        }
        int from = bound(l.bound(0), env);
        int to = bound(l.bound(1), env);
        if ((long) to - from >= MAX_REPEAT) {
          throw at(l).error("a loop may run over at most " + MAX_REPEAT + " values, got " + from + ".." + to);
        }
        List<TensorExpression> parts = new ArrayList<>();
        for (int m = from; m <= to; m++) {
          Map<String, Integer> inner = new HashMap<>(env);
          inner.put(var, m);
          parts.add(power(l.power(), inner, declaring));
        }
        boolean product = l.op.getText().equals("prod");
        if (parts.isEmpty()) {
          return product ? TensorExpression.scalar(Rational.ONE, Monomial.ONE) : TensorExpression.scalar(Rational.ZERO, Monomial.ONE);
        }
        if (parts.size() == 1) {
          return parts.get(0);
        }
        return product ? TensorExpression.product(parts, at(l), fresh) : TensorExpression.sum(parts, at(l));
      }
      return reference((GfdModelParser.ReferenceContext) p, env, declaring);
    }

    TensorExpression reference(GfdModelParser.ReferenceContext r, Map<String, Integer> env, boolean declaring) {
      String n = r.NAME(0).getText();
      boolean indexed = r.getChildCount() > 1 && r.getChild(r.getChildCount() - 1).getText().equals("]");
      Place at = at(r);
      if (r.member != null) {
        if (!families.containsKey(n)) {
          throw at.error(n + " is not a tensor family (declare it as " + n + "{m}[...] ... for m in FROM..TO)");
        }
        int m = bound(r.member, env);
        int[] range = families.get(n);
        if (m < range[0] || m > range[1]) {
          throw at.error("tensor family " + n + " has members " + range[0] + ".." + range[1] + ", not " + m);
        }
        n = n + m;
      }
      if (!indexed) {
        if (env.containsKey(n) || lets.containsKey(n)) {
          return TensorExpression.scalar(Rational.of(env.containsKey(n) ? env.get(n) : lets.get(n)), Monomial.ONE);
        }
        if (kinds.containsKey(n) || symbols.contains(n)) {
          return TensorExpression.scalar(Rational.ONE, Monomial.of(Variable.of(n), 1));
        }
        if (species.containsKey(n) || tensors.containsKey(n) || n.equals("delta") || families.containsKey(n)) {
          throw at.error(n + " is a tensor: write its indices, " + n + "[...]");
        }
        if (declaring) {
          symbols.add(n);
          return TensorExpression.scalar(Rational.ONE, Monomial.of(Variable.of(n), 1));
        }
        throw at.error("unknown name " + n);
      }
      List<String> labels = new ArrayList<>();
      for (int k = 1; k < r.NAME().size(); k++) {
        labels.add(r.NAME(k).getText());
      }
      if (n.equals("delta")) {
        List<IndexKind> unknown = new ArrayList<>();
        labels.forEach(l -> unknown.add(null));
        return TensorExpression.atom(null, labels, unknown, at, fresh);
      }
      Species s = species.get(n);
      if (s != null) {
        if (labels.size() != s.arity()) {
          throw at.error("tensor " + n + " has " + s.arity() + " indices, got " + labels.size());
        }
        return TensorExpression.atom(s, labels, s.legKinds(), at, fresh);
      }
      Definition d = tensors.get(n);
      if (d != null) {
        if (labels.size() != d.head().size()) {
          throw at.error("tensor " + n + " has " + d.head().size() + " indices, got " + labels.size());
        }
        return use(d, labels, at);
      }
      if (families.containsKey(n)) {
        throw at.error(n + " is a tensor family: write a member, " + n + "{m}[...]");
      }
      if (kinds.containsKey(n) || lets.containsKey(n) || symbols.contains(n) || env.containsKey(n)) {
        throw at.error(n + " is not a tensor and takes no indices");
      }
      throw at.error("unknown tensor " + n);
    }

    /** A defined tensor at labels {@code labels}: its body, head renamed, summed labels fresh; repeated labels summed here. */
    TensorExpression use(Definition d, List<String> labels, Place at) {
      TensorExpression body = d.body().copy(fresh);
      Map<String, Integer> count = new HashMap<>();
      labels.forEach(l -> count.merge(l, 1, Integer::sum));
      Map<String, String> repeated = new HashMap<>();
      // head labels go to placeholders first, so that a head [i, j] used as [j, i] swaps cleanly
      Map<String, String> toTemp = new HashMap<>();
      Map<String, String> toLabels = new HashMap<>();
      List<String> free = new ArrayList<>();
      Map<String, IndexKind> freeKinds = new HashMap<>();
      Map<String, Place> places = new HashMap<>();
      for (int k = 0; k < labels.size(); k++) {
        String head = d.head().get(k);
        IndexKind kind = body.freeKinds.get(head);
        String target = labels.get(k);
        if (count.get(target) > 1) {
          target = repeated.computeIfAbsent(target, x -> fresh.name());
          IndexKind merged = TensorExpression.merge(fresh.kinds.get(target), kind, labels.get(k), at);
          if (merged != null) {
            fresh.kinds.put(target, merged);
          }
          fresh.firstUse.putIfAbsent(target, at);
        } else {
          free.add(target);
          places.put(target, at);
          if (kind != null) {
            freeKinds.put(target, kind);
          }
        }
        String temp = fresh.name();
        toTemp.put(head, temp);
        toLabels.put(temp, target);
      }
      TensorExpression renamed = body.renameFree(toTemp).renameFree(toLabels);
      return new TensorExpression(renamed.terms, free, freeKinds, places);
    }
  }
}
