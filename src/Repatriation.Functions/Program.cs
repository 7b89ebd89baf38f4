using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Repatriation.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddRepatriationWorker();
builder.Build().Run();
