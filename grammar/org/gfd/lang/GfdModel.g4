// The gfd model language: one model per file. The README's "Writing your own model" section
// describes it for users; org.gfd.lang.ModelLoader gives the statements their meaning.
grammar GfdModel;

file
  : statement* EOF
  ;

statement
  : 'model' NAME settings? ';'?                                            # modelStatement
  | 'let' NAME '=' INT ('in' INT '..' INT)? ';'?                           # letStatement
  | 'index' NAME (',' NAME)* ';'?                                          # indexStatement
  | role=('param' | 'data') tensorDecl (',' tensorDecl)* '~' distribution family? ';'?  # gaussianStatement
  | 'const' NAME '[' NAME (',' NAME)* ':' NAME ']' '=' '[' constraint (',' constraint)* ']' ';'?  # constStatement
  | 'tensor' NAME '[' NAME (',' NAME)* ']' '=' expr ';'?                   # tensorStatement
  | 'loss' '=' expr ';'?                                                   # lossStatement
  | 'observable' NAME '=' expr ';'?                                        # observableStatement
  | 'regimes' '(' regimeRole (',' regimeRole)* ')' ';'?                                # regimesStatement
  | 'query' STRING ';'?                                                    # queryStatement
  | 'face' STRING '(' faceStep (',' faceStep)* ')' ';'?                    # faceStatement
  ;

// face "large data" (n = 1): the name of the regime reached when the sizes' exponents move that way
faceStep
  : NAME '=' sign='-'? INT
  ;

// regimes (target = p, components = H): the roles the regime names are read from
regimeRole
  : NAME '=' NAME ('*' NAME)*
  ;

settings
  : '(' setting (',' setting)* ')'
  ;

setting
  : NAME '=' (NAME | INT)
  ;

// U[H, p] or the family member U{m}[H, p]: the kinds of the legs, in order
tensorDecl
  : NAME ('{' NAME '}')? '[' NAME (',' NAME)* ']'
  ;

distribution
  : NAME '(' expr (',' expr)* ')'
  ;

family
  : 'for' NAME 'in' bound '..' bound
  ;

bound
  : INT
  | NAME
  ;

constraint
  : linear '=' linear 'mod' NAME
  ;

linear
  : sign=('+' | '-')? linearTerm (ops+=('+' | '-') linearTerm)*
  ;

linearTerm
  : INT? NAME
  | INT
  ;

// Sums of products. A product is written by juxtaposition or '*'; '/' divides by a scalar.
expr
  : term (ops+=('+' | '-') term)*
  ;

term
  : sign=('+' | '-')? power factor*
  ;

factor
  : op=('*' | '/')? power
  ;

power
  : primary ('^' exponent=bound)?
  ;

primary
  : INT                                                          # number
  | NAME ('{' member=bound '}')? ('[' NAME (',' NAME)* ']')?     # reference
  | '(' expr ')'                                                 # parenthesized
  | '|' expr '|' '^' INT                                         # norm
  | op=('prod' | 'sum') '(' NAME 'in' bound '..' bound ')' power # loop
  ;

LINE_COMMENT : '#' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;
NAME : [a-zA-Z_] [a-zA-Z_0-9]* ;
INT : [0-9]+ ;
// a query's command line, on one line
STRING : '"' ~["\r\n]* '"' ;
// Anything else is one token, so that the parser (not the lexer) reports it, with what was expected.
OTHER : . ;
