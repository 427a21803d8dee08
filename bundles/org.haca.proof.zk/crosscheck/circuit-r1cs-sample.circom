pragma circom 2.0.0;

// Tiny circuit for R1csFileTest: one product, a constant and a negative coefficient, public and private inputs.
template Sample() {
    signal input a;
    signal input b;
    signal output c;
    signal output d;
    signal m;
    m <== a * b;
    c <== m * a + 3;
    d <== -5 * b + a;
}

component main {public [a]} = Sample();
