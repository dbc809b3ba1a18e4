"""Reports: data in, PDF bytes out (reportlab). No Qt, no database."""
