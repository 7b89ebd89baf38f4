namespace Repatriation.Api;

/// <summary>Marker for the HTTP handlers' assembly.</summary>
public static class ApiAssembly;
