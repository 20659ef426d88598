/*
 * GCC's bit-counting builtins, for PC hosts compiled with tcc: wasm2c's
 * output counts bits with them (i32/i64 clz, ctz and popcnt) and tcc has
 * none of them. Only ever called with a non-zero argument for clz and ctz
 * (wasm2c tests for zero first), as with GCC.
 */
int __builtin_clz(unsigned x) { int n = 0; while (!(x & 0x80000000u)) { x <<= 1; n++; } return n; }
int __builtin_clzll(unsigned long long x) { int n = 0; while (!(x & 0x8000000000000000ull)) { x <<= 1; n++; } return n; }
int __builtin_ctz(unsigned x) { int n = 0; while (!(x & 1u)) { x >>= 1; n++; } return n; }
int __builtin_ctzll(unsigned long long x) { int n = 0; while (!(x & 1ull)) { x >>= 1; n++; } return n; }
int __builtin_popcount(unsigned x) { int n = 0; for (; x; x &= x - 1) n++; return n; }
int __builtin_popcountll(unsigned long long x) { int n = 0; for (; x; x &= x - 1) n++; return n; }
