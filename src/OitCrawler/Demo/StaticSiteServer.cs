using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OitCrawler.Demo;

/// <summary>
/// Serves a folder of static files on 127.0.0.1 with Kestrel, on a free port. Used by <c>demo</c>
/// for the bundled sample site, and by the tests and benchmark for fixture sites; the <c>configure</c> callback
/// may add routes in front of the files (faults, redirects, generated pages).
/// </summary>
internal sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The root URL, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUri { get; }

    public static async Task<StaticSiteServer> StartAsync(string? root, Action<WebApplication>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        configure?.Invoke(app);

        // Endpoints mapped by configure (MapGet…) must run here, in front of the files and the
        // terminal 404 below; left to WebApplication they would be wired after it and never reached.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        if (root is not null)
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(root));
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".xml"] = "application/xml";
            types.Mappings[".aspx"] = "text/html"; // a saved ASP.NET or PHP site's pages are HTML (their <meta> names the charset)
            types.Mappings[".php"] = "text/html";
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = types,
                ServeUnknownFileTypes = false,
            });
        }

        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<html><head><title>404 ไม่พบหน้า</title></head><body><h1>ไม่พบหน้าที่ต้องการ (404)</h1></body></html>", cancellationToken);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSiteServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
