(* Symja definitions of gfd's summation stage (org.gfd.summation), loaded into every engine it uses.
   Every statement ends with a semicolon: a newline does not end one. User symbols are read in
   lower case by Symja's relaxed syntax; gfd calls them by these names. *)

(* Local and iteration symbols are named gfd...: Symja's Module does not rename a local that an
   argument also uses, so a local k would capture a k passed in. *)

(* The Taylor coefficients of f in t at 0, orders 0..n, padded with zeros. *)
gfdTaylor(f_, t_, n_Integer) :=
  Module({gfdC = CoefficientList(Normal(Series(f, {t, 0, n})), t)},
    Join(gfdC, Table(0, {n + 1 - Length(gfdC)})));

(* The coefficients hat c_s of f = sum_s hat c_s t^s / s!, orders 0..n: s! times the Taylor ones. *)
gfdEgf(f_, t_, n_Integer) :=
  Module({gfdC = gfdTaylor(f, t, n)}, Table(gfdC[[gfdS + 1]] * gfdS!, {gfdS, 0, n}));

(* A hypergeometric series sum_s prod (a)_s / prod (b)_s x^s / s!, in elementary functions where Symja knows them. *)
gfdPFQ(a_List, b_List, x_) := FunctionExpand(HypergeometricPFQ(a, b, x));

(* Whether a rational expression is exactly zero. *)
gfdZeroQ(x_) := Expand(Together(x)) === 0;

(* The multiplicity of the root r of the polynomial p in s. *)
gfdMultiplicity(p_, s_, r_) :=
  Module({gfdM = 1}, While(gfdZeroQ(D(p, {s, gfdM}) /. s -> r), gfdM = gfdM + 1); gfdM);

(* The roots of the polynomial p in s, each repeated by its multiplicity ({} for a constant). *)
gfdRoots(p_, s_) :=
  If(FreeQ(p, s), {},
    Flatten(Map(Function(gfdR, Table(gfdR, {gfdMultiplicity(p, s, gfdR)})), s /. Solve(p == 0, s))));

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
   power of its negative, then simplified. The certificate checks the result like any proposal. *)
gfdTidy(e_) := Simplify(e /. (gfdC_?Negative + gfdX_)^(gfdR_) :> (-1)^gfdR*(-gfdC - gfdX)^gfdR);
