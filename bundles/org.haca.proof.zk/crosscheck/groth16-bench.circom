pragma circom 2.0.0;
// Groth16 benchmark circuit: a chain of N multiplications mixing a private and a public input
// (N + 1 constraints), so the domain is the next power of two above N + nPublic + 1.
template Chain(N) {
    signal input x;
    signal input k;
    signal output out;
    signal t[N];
    t[0] <== x * x;
    for (var i = 1; i < N; i++) {
        t[i] <== t[i - 1] * (t[i - 1] + k + i);
    }
    out <== t[N - 1] * k;
}
component main {public [k]} = Chain(2400);
