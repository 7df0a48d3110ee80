"""/body: body weight, body fat, circumferences and progress photos, one entry a day (#15)."""
