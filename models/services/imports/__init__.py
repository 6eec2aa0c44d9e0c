"""Import shipments from the CSV and XLSX files staff receive: read, recognise, validate, save."""
