//! The standard normal distribution.
//!
//! Φ is W. J. Cody's rational Chebyshev approximation (Cody 1969, "Rational Chebyshev
//! approximations for the error function", Math. Comp. 23; ACM TOMS Algorithm 715, 1993), the
//! algorithm of R's `pnorm`: three ranges (|x| ≤ 0.674, ≤ √32, beyond), relative accuracy near
//! the double precision in both tails. The tails evaluate e^{−x²/2} as e^{−x̃²/2}·e^{−(x−x̃)(x+x̃)/2}
//! with x̃ = x rounded down to sixteenths (exact in binary), so that no rounding of x² is
//! amplified: Φ(−30) ≈ 4.9e−198 is right to ~1e−15 relative, where ½·erfc(−x/√2) loses two
//! digits to the rounding of x/√2.

// The coefficients are Cody's, digit for digit as published.
#![allow(clippy::excessive_precision)]

use std::f64::consts::PI;

const A: [f64; 5] = [
    2.2352520354606839287,
    161.02823106855587881,
    1067.6894854603709582,
    18154.981253343561249,
    0.065682337918207449113,
];
const B: [f64; 4] = [
    47.20258190468824187,
    976.09855173777669322,
    10260.932208618978205,
    45507.789335026729956,
];
const C: [f64; 9] = [
    0.39894151208813466764,
    8.8831497943883759412,
    93.506656132177855979,
    597.27027639480026226,
    2494.5375852903726711,
    6848.1904505362823326,
    11602.651437647350124,
    9842.7148383839780218,
    1.0765576773720192317e-8,
];
const D: [f64; 8] = [
    22.266688044328115691,
    235.38790178262499861,
    1519.377599407554805,
    6485.558298266760755,
    18615.571640885098091,
    34900.952721145977266,
    38912.003286093271411,
    19685.429676859990727,
];
const P: [f64; 6] = [
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303,
];
const Q: [f64; 5] = [
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5,
];
/// 1/√(2π).
const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;
/// √32, the boundary between the middle and the far tail.
const SQRT_32: f64 = 5.656_854_249_492_381;

/// e^{−y²/2} computed without amplifying the rounding of y².
fn gaussian_tail_factor(y: f64) -> f64 {
    let ysq = libm::trunc(y * 16.0) / 16.0;
    let del = (y - ysq) * (y + ysq);
    libm::exp(-ysq * ysq * 0.5) * libm::exp(-del * 0.5)
}

/// Φ(x), the standard normal cumulative distribution function.
pub fn cdf(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let y = x.abs();
    if y <= 0.674_489_75 {
        let (mut num, mut den) = (0.0, 0.0);
        if y > 1.11e-16 {
            let xsq = x * x;
            num = A[4] * xsq;
            den = xsq;
            for i in 0..3 {
                num = (num + A[i]) * xsq;
                den = (den + B[i]) * xsq;
            }
        }
        return 0.5 + x * (num + A[3]) / (den + B[3]);
    }
    // The tail beyond |x|: Φ(−|x|).
    let tail = if y <= SQRT_32 {
        let mut num = C[8] * y;
        let mut den = y;
        for i in 0..7 {
            num = (num + C[i]) * y;
            den = (den + D[i]) * y;
        }
        gaussian_tail_factor(y) * (num + C[7]) / (den + D[7])
    } else if y < 38.5 {
        let xsq = 1.0 / (x * x);
        let mut num = P[5] * xsq;
        let mut den = xsq;
        for i in 0..4 {
            num = (num + P[i]) * xsq;
            den = (den + Q[i]) * xsq;
        }
        let r = xsq * (num + P[4]) / (den + Q[4]);
        gaussian_tail_factor(y) * (FRAC_1_SQRT_2PI - r) / y
    } else {
        0.0
    };
    if x > 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// φ(x) = e^{−x²/2} / √(2π), the standard normal density.
pub fn pdf(x: f64) -> f64 {
    libm::exp(-0.5 * x * x) / f64::sqrt(2.0 * PI)
}

/// Φ⁻¹(p) for p in (0, 1): Wichura's AS241 (PPND16; "The percentage points of the normal
/// distribution", Applied Statistics 37(3), 1988), about 1e−16 relative. The price
/// correlation's Gaussian copula maps deployment uniforms with it.
pub fn inverse_cdf(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q
            * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r
                + 67265.770927008700853)
                * r
                + 45921.953931549871457)
                * r
                + 13731.693765509461125)
                * r
                + 1971.5909503065514427)
                * r
                + 133.14166789178437745)
                * r
                + 3.387132872796366608)
            / (((((((5226.495278852854561 * r + 28729.085735721942674) * r
                + 39307.89580009271061)
                * r
                + 21213.794301586595867)
                * r
                + 5394.1960214247511077)
                * r
                + 687.1870074920579083)
                * r
                + 42.313330701600911252)
                * r
                + 1.0);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let mut r = f64::sqrt(-libm::log(tail));
    let value = if r <= 5.0 {
        r -= 1.6;
        (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
            + 0.24178072517745061177)
            * r
            + 1.27045825245236838258)
            * r
            + 3.64784832476320460504)
            * r
            + 5.7694972214606914055)
            * r
            + 4.6303378461565452959)
            * r
            + 1.42343711074968357734)
            / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966)
                * r
                + 0.14810397642748007459)
                * r
                + 0.68976733498510000455)
                * r
                + 1.6763848301838038494)
                * r
                + 2.05319162663775882187)
                * r
                + 1.0)
    } else {
        r -= 5.0;
        (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
            + 0.0012426609473880784386)
            * r
            + 0.026532189526576123093)
            * r
            + 0.29656057182850489123)
            * r
            + 1.7848265399172913358)
            * r
            + 5.4637849111641143699)
            * r
            + 6.6579046435011037772)
            / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5)
                * r
                + 7.868691311456132591e-4)
                * r
                + 0.0148753612908506148525)
                * r
                + 0.13692988092273580531)
                * r
                + 0.59983220655588793769)
                * r
                + 1.0)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_cdf_inverts_phi() {
        for p in [
            1e-300, 1e-100, 1e-20, 1e-11, 1e-6, 0.001, 0.02, 0.075, 0.3, 0.5, 0.7, 0.925, 0.99,
            0.999_999,
        ] {
            let x = inverse_cdf(p);
            let back = cdf(x);
            // An error δ in x moves Φ by a relative |x|·δ: allow ~2 ulp relative in x.
            let tol = 1e-14 + 5e-16 * x * x;
            assert!(((back - p) / p).abs() < tol, "p {p}: x {x}, Φ(x) {back}");
        }
        assert_eq!(inverse_cdf(0.5), 0.0);
        assert_eq!(inverse_cdf(0.25), -inverse_cdf(0.75));
    }

    /// Reference values computed with mpmath 1.3 (`ncdf`) at 40 significant digits.
    const REFERENCE: &[(f64, f64)] = &[
        (-30.0, 4.906_713_927_148_187e-198),
        (-37.0, 5.725_571_222_524_577e-300),
        (-20.0, 2.753_624_118_606_233_7e-89),
        (-10.0, 7.619_853_024_160_526e-24),
        (-5.0, 2.866_515_718_791_939e-7),
        (-2.0, 0.022_750_131_948_179_21),
        (-1.0, 0.158_655_253_931_457_05),
        (-0.5, 0.308_537_538_725_986_9),
        (0.0, 0.5),
        (0.5, 0.691_462_461_274_013_1),
        (1.0, 0.841_344_746_068_542_9),
        (3.0, 0.998_650_101_968_369_9),
        (-0.3, 0.382_088_577_811_047_4),
        (-6.0, 9.865_876_450_376_981e-10),
        (-0.674_489_75, 0.250_000_000_062_310_2),
    ];

    #[test]
    fn cdf_is_accurate_to_1e14_relative_in_the_tails() {
        for &(x, want) in REFERENCE {
            let got = cdf(x);
            let rel = ((got - want) / want).abs();
            assert!(
                rel < 1e-14,
                "Φ({x}) = {got:e}, want {want:e}, relative error {rel:e}"
            );
        }
    }

    #[test]
    fn cdf_limits_and_symmetry() {
        assert_eq!(cdf(f64::INFINITY), 1.0);
        assert_eq!(cdf(f64::NEG_INFINITY), 0.0);
        for x in [0.1, 0.7, 1.3, 2.9, 4.4] {
            assert!((cdf(x) + cdf(-x) - 1.0).abs() < 1e-15);
        }
        assert!((pdf(0.0) - 0.398_942_280_401_432_7).abs() < 1e-16);
    }
}
