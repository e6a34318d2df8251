import PostScript

extension PageCanvas {
    /// Draws `code` as filled vector rectangles (sharp at any printer's
    /// resolution) with its top-left corner, quiet zone included, at
    /// (`x`, `top`); each module `module` points wide. Returns the side of the
    /// whole square, quiet zone included.
    @discardableResult
    public mutating func qrCode(_ code: QRCode, x: Double, top: Double, module: Double) -> Double {
        let quiet = Double(QRCode.quietZone) * module
        let side = Double(code.size) * module + 2 * quiet
        setGray(1)
        fillRect(Rect(x: x, y: top - side, width: side, height: side))
        setGray(0)
        fillRects(code.darkRuns.map { run in
            Rect(x: x + quiet + Double(run.column) * module, y: top - quiet - Double(run.row + 1) * module,
                 width: Double(run.length) * module, height: module)
        })
        return side
    }
}
