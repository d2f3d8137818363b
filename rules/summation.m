(* Symja definitions of gfd's summation stage (org.gfd.summation), loaded into every engine it uses.
   Every statement ends with a semicolon: a newline does not end one. User symbols are read in
   lower case by Symja's relaxed syntax; gfd calls them by these names. *)

(* Local and iteration symbols are named gfd...: Symja's Module does not rename a local that an
   argument also uses, so a local k would capture a k passed in. *)

(* The Taylor coefficients of f in t at 0, orders 0..n, by exact arithmetic on truncated series
   (gfdSer below), not by Series: Symja 3.0.0's Series mangles subexpressions free of t
   (Series(a + b + t, {t, 0, 1}) gives a*b + t, Series(a*b + t, {t, 0, 1}) gives t). *)
gfdTaylor(f_, t_, n_Integer) := Module({gfdR}, gfdSerReset(); gfdR = gfdSerThroughExp(f, t, n); gfdSerReset(); gfdR);

(* When f depends on t only through one exponential E^(k t), f = g(w) with w = E^(k t) - 1, and
   the Taylor series of f is that of g in w composed with w's (w vanishes at t = 0): much cheaper
   than expanding every power of the exponential in t. Otherwise gfdSer directly. *)
gfdSerThroughExp(f_, t_, n_Integer) :=
  Module({gfdE = Union(Cases(f, Power(E, gfdA_) /; !FreeQ(gfdA, t), {0, Infinity})), gfdG, gfdW, gfdR, gfdP, gfdOut},
    If(Length(gfdE) != 1 || !FreeQ(Simplify(gfdE[[1, 2]] / t), t), Return(gfdSer(f, t, n)));
    gfdG = f /. gfdE[[1]] -> 1 + gfdWv;
    If(!FreeQ(gfdG, t), Return(gfdSer(f, t, n)));
    gfdR = gfdSer(gfdG, gfdWv, n);
    gfdW = gfdSer(gfdE[[1]] - 1, t, n);
    gfdP = Join({1}, Table(0, {n}));
    gfdOut = gfdR[[1]] * gfdP;
    Do(gfdP = gfdSerTimes(gfdP, gfdW, n); gfdOut = gfdOut + gfdR[[gfdK + 1]] * gfdP, {gfdK, 1, n});
    Map(Expand, gfdOut));

(* Truncated Taylor series as lists {f_0, ..., f_n}, built from the expression tree: sums add,
   products convolve, and powers, exponentials and logarithms follow their standard recurrences
   (for g = f^r: g_k = Sum((r j - k + j) f_j g_(k-j), j = 1..k) / (k f_0); for g = e^f:
   g_k = Sum(j f_j g_(k-j), j = 1..k) / k; for g = log f: g_k = (f_k - Sum(j g_j f_(k-j), j = 1..k-1) / k) / f_0).
   A power with f_0 = 0 and an exponent that is not a positive integer, and any other head that
   depends on t, are expanded through derivatives at 0. *)
gfdSer(f_, t_, n_Integer) := gfdSerMemo(f, t, n);

(* Each distinct subexpression is expanded once per gfdTaylor call (closed forms repeat powers of
   one exponential many times): gfdSerMemo remembers, and gfdSerReset forgets. *)
gfdSerReset() := (Clear(gfdSerMemo); gfdSerMemo(gfdF_, gfdT_, gfdN_Integer) := gfdSerMemo(gfdF, gfdT, gfdN) = gfdSerCompute(gfdF, gfdT, gfdN));
gfdSerReset();

gfdSerCompute(f_, t_, n_Integer) :=
  Which(FreeQ(f, t), Join({f}, Table(0, {n})),
    f === t, Join({0, 1}, Table(0, {n - 1}))[[1 ;; n + 1]],
    Head(f) === Plus, Map(Expand, Apply(Plus, Map(Function(gfdA, gfdSer(gfdA, t, n)), Apply(List, f)))),
    Head(f) === Times, Fold(Function({gfdX, gfdY}, gfdSerTimes(gfdX, gfdY, n)), Map(Function(gfdA, gfdSer(gfdA, t, n)), Apply(List, f))),
    Head(f) === Power && f[[1]] === E, gfdSerExp(gfdSer(f[[2]], t, n), n),
    Head(f) === Power && FreeQ(f[[2]], t), gfdSerPower(gfdSer(f[[1]], t, n), f[[2]], n, f, t),
    Head(f) === Power, gfdSerExp(gfdSer(f[[2]] * Log(f[[1]]), t, n), n),
    Head(f) === Exp, gfdSerExp(gfdSer(f[[1]], t, n), n),
    Head(f) === Log && !gfdZeroQ(gfdSer(f[[1]], t, 0)[[1]]), gfdSerLog(gfdSer(f[[1]], t, n), n),
    True, gfdSerByDerivatives(f, t, n));

gfdSerTimes(x_List, y_List, n_Integer) :=
  Table(Expand(Sum(x[[gfdI + 1]] * y[[gfdK - gfdI + 1]], {gfdI, 0, gfdK})), {gfdK, 0, n});

gfdSerPower(x_List, r_, n_Integer, f_, t_) :=
  Which(IntegerQ(r) && r >= 0, Nest(Function(gfdY, gfdSerTimes(gfdY, x, n)), Join({1}, Table(0, {n})), r),
    !gfdZeroQ(x[[1]]),
      Module({gfdG = Table(0, {n + 1})},
        gfdG[[1]] = x[[1]]^r;
        Do(gfdG[[gfdK + 1]] = gfdSerSimplify(Sum((r*gfdJ - gfdK + gfdJ) * x[[gfdJ + 1]] * gfdG[[gfdK - gfdJ + 1]], {gfdJ, 1, gfdK}) / (gfdK * x[[1]]), x[[1]]), {gfdK, 1, n});
        gfdG),
    True, gfdSerByDerivatives(f, t, n));

(* A coefficient divided by the constant term c of a power's base: expanded when c is a number;
   otherwise brought over one denominator, since expanded quotients by powers of a symbolic c pile up
   term by term (ten orders of a closed form in cosh of a radical took over five minutes, 1.4 s so). *)
gfdSerSimplify(e_, c_) := If(NumberQ(c), Expand(e), Together(e));

gfdSerExp(x_List, n_Integer) :=
  Module({gfdG = Table(0, {n + 1})},
    gfdG[[1]] = E^x[[1]];
    Do(gfdG[[gfdK + 1]] = Expand(Sum(gfdJ * x[[gfdJ + 1]] * gfdG[[gfdK - gfdJ + 1]], {gfdJ, 1, gfdK}) / gfdK), {gfdK, 1, n});
    gfdG);

gfdSerLog(x_List, n_Integer) :=
  Module({gfdG = Table(0, {n + 1})},
    gfdG[[1]] = Log(x[[1]]);
    Do(gfdG[[gfdK + 1]] = Expand((x[[gfdK + 1]] - Sum(gfdJ * gfdG[[gfdJ + 1]] * x[[gfdK - gfdJ + 1]], {gfdJ, 1, gfdK - 1}) / gfdK) / x[[1]]), {gfdK, 1, n});
    gfdG);

gfdSerByDerivatives(f_, t_, n_Integer) :=
  Table(Together((D(f, {t, gfdK}) /. t -> 0) / gfdK!), {gfdK, 0, n});

(* The coefficients hat c_s of f = sum_s hat c_s t^s / s!, orders 0..n: s! times the Taylor ones. *)
gfdEgf(f_, t_, n_Integer) :=
  Module({gfdC = gfdTaylor(f, t, n)}, Table(gfdC[[gfdS + 1]] * gfdS!, {gfdS, 0, n}));

(* The i-th moment of the Marchenko-Pastur law of ratio r and mean mu: mu^i sum_j N(i, j) r^(j-1), with
   Narayana numbers N(i, j) = C(i, j) C(i, j-1) / i. *)
gfdMoment(i_Integer, r_, mu_) :=
  If(i == 0, 1, mu^i * Sum(Binomial(i, gfdJ) * Binomial(i, gfdJ - 1) / i * r^(gfdJ - 1), {gfdJ, 1, i}));

(* The certificate of an average over that law, F(t) = Integral k(s, t) dMP(s): the coefficients of k's
   expansion in t (times s!) must be polynomials in s, and with each power s^i replaced by the i-th
   moment they must equal c, order by order. *)
gfdSpectralCertify(k_, t_, s_, r_, mu_, c_List) :=
  Module({gfdE = gfdEgf(k, t, Length(c) - 1)},
    Table(Module({gfdP = Expand(Together(gfdE[[gfdI]]))},
      If(PolynomialQ(gfdP, s),
        gfdZeroQ(Sum(Coefficient(gfdP, s, gfdJ) * gfdMoment(gfdJ, r, mu), {gfdJ, 0, Max(0, Exponent(gfdP, s))}) - c[[gfdI]]),
        False)),
      {gfdI, 1, Length(c)}));

(* A hypergeometric series sum_s prod (a)_s / prod (b)_s x^s / s!, in elementary functions where Symja knows them. *)
gfdPFQ(a_List, b_List, x_) := FunctionExpand(HypergeometricPFQ(a, b, x));

(* Whether a rational expression is exactly zero. *)
gfdZeroQ(x_) := Expand(Together(x)) === 0;

(* The solutions x of eq, {} when Solve does not answer with rules (ReplaceAll with an unevaluated Solve
   would make Symja print an exception). *)
gfdSolutions(eq_, x_) := Module({gfdSol = Solve(eq, x)}, If(ListQ(gfdSol), x /. gfdSol, {}));

(* The multiplicity of the root r of the polynomial p in s. *)
gfdMultiplicity(p_, s_, r_) :=
  Module({gfdM = 1}, While(gfdZeroQ(D(p, {s, gfdM}) /. s -> r), gfdM = gfdM + 1); gfdM);

(* The roots of the polynomial p in s, each repeated by its multiplicity ({} for a constant). *)
gfdRoots(p_, s_) :=
  If(FreeQ(p, s), {},
    Flatten(Map(Function(gfdR, Table(gfdR, {gfdMultiplicity(p, s, gfdR)})), gfdSolutions(p == 0, s))));

(* The sum over k >= 0 of a_k x^k where a_0 = a0 and a_(k+1)/a_k = P(k)/Q(k), the polynomials P and Q
   given by their coefficient lists (constant first): a0 times a hypergeometric function. $Failed when
   the roots of P or Q are not all found. *)
gfdRatioSum(pc_List, qc_List, a0_, x_) :=
  Module({gfdK, gfdP, gfdQ, gfdAl, gfdBe, gfdLead},
    gfdP = Expand(pc . Table(gfdK^gfdI, {gfdI, 0, Length(pc) - 1}));
    gfdQ = Expand(qc . Table(gfdK^gfdI, {gfdI, 0, Length(qc) - 1}));
    If(gfdZeroQ(gfdP), a0,
      gfdAl = -gfdRoots(gfdP, gfdK);
      gfdBe = -gfdRoots(gfdQ, gfdK);
      If(Length(gfdAl) != Exponent(gfdP, gfdK) || Length(gfdBe) != Exponent(gfdQ, gfdK), $Failed,
        gfdLead = Together(Coefficient(gfdP, gfdK, Exponent(gfdP, gfdK)) / Coefficient(gfdQ, gfdK, Exponent(gfdQ, gfdK)));
        If(MemberQ(gfdBe, 1),
          gfdBe = Delete(gfdBe, First(Position(gfdBe, 1))),
          gfdAl = Append(gfdAl, 1));
        a0 * gfdPFQ(gfdAl, gfdBe, gfdLead * x))));

(* For each order s = 0..Length(c)-1, whether the closed form f (in t) has c[[s+1]] as its
   coefficient of t^s / s!: the certificate. *)
gfdCertify(f_, t_, c_List) :=
  Module({gfdE = gfdEgf(f, t, Length(c) - 1)}, Table(gfdZeroQ(gfdE[[gfdI]] - c[[gfdI]]), {gfdI, 1, Length(c)}));

(* A real form of an expression: a power of a sum with a negative constant, such as
   (-1 - 4*tau*v^2)^(3/2), which Solve and Integrate give with factors I, written as (-1)^r times the
   power of its negative, then simplified. A large expression (over 200 leaves) without such a power
   (an integer power is real anyway) is left as it is: Simplify took over ten minutes on a closed form
   of 1300 characters. The certificate checks the result like any proposal. *)
gfdTidy(e_) := Module({gfdT = e /. (gfdC_?Negative + gfdX_)^(gfdR_?(Function(gfdQ, !IntegerQ(gfdQ)))) :>
    (-1)^gfdR*(-gfdC - gfdX)^gfdR}, If(gfdT === e && LeafCount(e) > 200, e, Simplify(gfdT)));

(* The distinct rational roots of the polynomial p in x. *)
gfdRationalRoots(p_, x_) :=
  Union(Select(gfdSolutions(p == 0, x), Function(gfdR, Head(gfdR) === Integer || Head(gfdR) === Rational)));

(* The roots of p(f) = 0 (degree 1 or 2 in f, coefficients polynomials in u) that are analytic at
   u = 0, as a list: {-c/b} for degree 1; for degree 2 the forms 2 c / (-b + s A Sqrt(B)), s = -1 or 1,
   whose denominator is not zero at u = 0 (a, b, c the coefficients of f^2, f, 1). The discriminant
   b^2 - 4 a c is split as A^2 B with B square-free: Sqrt(A^2 B) would take the principal branch, |A|
   Sqrt(B), and so leave the analytic root wherever A changes sign on the real line; A Sqrt(B) does
   not. {} when none, or when the degree is higher. *)
gfdAnalyticRoot(p_, f_, u_) :=
  Module({gfdA = Coefficient(p, f, 2), gfdB = Coefficient(p, f, 1), gfdC = Coefficient(p, f, 0), gfdR},
    Which(Exponent(p, f) == 1, {-gfdC/gfdB},
      Exponent(p, f) == 2,
        gfdR = gfdSquareFreeRoot(Expand(gfdB^2 - 4*gfdA*gfdC));
        Map(Function(gfdS, 2*gfdC/(-gfdB + gfdS*gfdR)),
          Select({-1, 1}, Function(gfdS, !gfdZeroQ((-gfdB + gfdS*gfdR) /. u -> 0)))),
      True, {}));

(* Sqrt(d) for a polynomial d, written A Sqrt(B) with d = A^2 B and B square-free (FactorSquareFreeList). *)
gfdSquareFreeRoot(d_) :=
  Module({gfdL = FactorSquareFreeList(d)},
    Times @@ Map(Function(gfdP, gfdP[[1]]^Quotient(gfdP[[2]], 2)), gfdL) *
      Sqrt(Times @@ Map(Function(gfdP, gfdP[[1]]^Mod(gfdP[[2]], 2)), gfdL)));
