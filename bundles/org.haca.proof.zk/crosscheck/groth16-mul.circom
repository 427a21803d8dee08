pragma circom 2.0.0;
// Groth16 fixture: three multiplications, public inputs a and b, one public output.
template Mul() {
    signal input a;
    signal input b;
    signal input x;
    signal output out;
    signal t1;
    signal t2;
    t1 <== a * x;
    t2 <== t1 * b;
    out <== t2 * x + a;
}
component main {public [a, b]} = Mul();
